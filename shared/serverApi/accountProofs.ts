import type { AccountPublic, OfflinePasswordChangeRequest } from './serverApi';

/*
 * The exact bytes an operator's account key signs (docs/security.md). Each message names its
 * purpose, the workstation and the operator, so a signature made for one cannot be replayed as
 * another; the server checks `at` against its clock and accepts each signature once.
 */

export const resumeMessage = (workstationId: string, username: string, at: string): string =>
  ['bala-session-resume:v1', workstationId, username.toLowerCase(), at].join('\n');

const accountLine = (account: AccountPublic): string => [account.kdf.algorithm, account.kdf.N, account.kdf.r, account.kdf.p, account.kdf.salt, account.signPub, account.wrapPub].join(':');

export const passwordChangeMessage = (workstationId: string, request: Omit<OfflinePasswordChangeRequest, 'signature'>): string =>
  [
    'bala-password-change:v1',
    workstationId,
    request.username.toLowerCase(),
    request.newPasswordHash,
    [request.newKdf.algorithm, request.newKdf.N, request.newKdf.r, request.newKdf.p, request.newKdf.salt].join(':'),
    accountLine(request.newAccount),
    request.at,
  ].join('\n');

/** How far a signed `at` may stand from the server's clock. */
export const proofWindowMs = 5 * 60_000;

/**
 * The RSA-OAEP (SHA-256) label of a cache key escrowed to the server's key (serverRoutes.cacheKey):
 * binds the escrow to its workstation, so an operator with a session on one workstation cannot
 * have the server unwrap the escrow copied from another workstation's data folder.
 */
export const cacheEscrowLabel = (workstationId: string): string => `bala-cache-escrow:v1:${workstationId}`;
