export interface SessionUser {
  username: string;
  displayName: string;
  role: string;
  validUntil: string;
}

/** What the UI needs to know about the session; never any key material. */
export type SessionStatus =
  | { state: 'notActivated' }
  | { state: 'signedOut'; workstationName: string; agencyName: string }
  | { state: 'locked'; workstationName: string; agencyName: string; username: string }
  | {
      state: 'signedIn';
      workstationName: string;
      agencyName: string;
      user: SessionUser;
      mustChangePassword: boolean;
      /** How the last sign-in was checked: against the server, or offline only. */
      verifiedOnline: boolean;
      /** The server's word about this workstation when it refused something (suspension, …). */
      serverNotice: { code: string; message: string } | null;
    };
