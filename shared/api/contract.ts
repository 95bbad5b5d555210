import { z } from 'zod';
import { operation, type OperationDef } from './operation';
import type { AppInfo } from './appInfo';
import { reportInputs, type CriteriaSearchView, type ReportFile, type ReportRunView, type ReportSummary } from './reports';
import { recordInputs, type AlertView, type DraftView, type DuplicateCandidate, type HistoryView, type PhotoValue, type RecordSummary, type RecordView } from './records';
import { printInputs, type CopyVerification, type DocumentLink, type OpenedDocument, type PrintedDocument } from './print';
import type { SessionStatus } from './session';
import { syncInputs, type SyncIssueView, type SyncStatus } from './sync';
import { handoverInputs, type DriveView, type HandoverExportResult, type HandoverReceiptResult, type HandoverStatus } from './handover';
import { settingsPatchSchema, type Settings } from './settings';
import { caseInputs, type CaseTaskView, type CaseView } from './cases';

const profileSource = z.discriminatedUnion('kind', [
  /** Uploaded from the operator's computer (browser mode, or Electron's file picker). */
  z.object({ kind: z.literal('file'), name: z.string().max(255), contentBase64: z.string().max(400_000) }),
  /** One of the places activation.findProfiles listed. */
  z.object({ kind: z.literal('path'), path: z.string().max(4096).regex(/\.balaprofile$/i) }),
]);

/** The fingerprint the administrator read out (any case, spaces or colons): the profile's CA must have it. */
const caFingerprintInput = z.string().max(200).optional();

/** What the operator compares with the administrator's word before activating. */
export interface ProfileCaView {
  /** SHA-256 of the CA certificate, upper-case hex in groups of four (`3F2A 9C01 …`). */
  caFingerprint: string;
  /** This installation pins its CA (resources/trusted-ca.pem, BALA_CA_FINGERPRINT): the profile matched it. */
  pinned: boolean;
}

export interface FoundProfile {
  path: string;
  fileName: string;
  /** Where it was found: beside the installer, the machine-wide folder, a removable drive. */
  source: 'installer' | 'machine' | 'removable';
  modifiedAt: string;
}

/** Operations that take no input accept `undefined` or `{}` and nothing else. */
const noInput = z.object({}).strict().optional();

/**
 * Every operation the UI, the CLI and the tests may call. Names are `domain.verb`; a handler
 * map in src-main/api must implement each one (the compiler checks).
 */
export const contract = {
  'app.info': operation<AppInfo>()({
    input: noInput,
    summary: 'Version, run mode, data folder and the language in force.',
  }),
  'settings.get': operation<Settings>()({
    input: noInput,
    summary: 'The workstation settings.',
  }),
  'settings.update': operation<Settings>()({
    input: settingsPatchSchema,
    summary: 'Change some settings; answers the settings after the change.',
  }),
  'activation.findProfiles': operation<FoundProfile[]>()({
    input: noInput,
    summary: 'Connection profiles found beside the installer, in the machine-wide folder or on removable drives.',
  }),
  'activation.inspect': operation<ProfileCaView>()({
    input: z.object({ source: profileSource, caFingerprint: caFingerprintInput }).strict(),
    summary: "A profile's CA before activation: its SHA-256 fingerprint in groups, and whether this installation pins a CA (a profile from another CA is refused).",
  }),
  'activation.activate': operation<SessionStatus>()({
    input: z.object({ source: profileSource, activationCode: z.string().min(1).max(64), caFingerprint: caFingerprintInput }).strict(),
    summary: 'Activate this workstation with an issued connection profile and its activation code.',
  }),
  'activation.recover': operation<SessionStatus>()({
    input: z
      .object({
        source: profileSource,
        activationCode: z.string().min(1).max(64),
        caFingerprint: caFingerprintInput,
        username: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(256),
      })
      .strict(),
    summary: "An operator whose access on this (activated) workstation was removed gets it back with the workstation's profile and code, signing in at the server with their current password.",
  }),
  'session.status': operation<SessionStatus>()({
    input: noInput,
    summary: 'Whether the workstation is activated and who is signed in.',
  }),
  'session.signIn': operation<SessionStatus>()({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    summary: 'Sign an operator in (offline against the local keyring; online also against the server).',
  }),
  'session.changePassword': operation<SessionStatus>()({
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }).strict(),
    summary: "Change the signed-in operator's password.",
  }),
  'session.signOut': operation<SessionStatus>()({ input: noInput, summary: 'Sign out and close the cache.' }),
  'session.lock': operation<SessionStatus>()({ input: noInput, summary: 'Lock the workstation now.' }),
  'session.activity': operation<null>()({ input: noInput, summary: 'The operator is active: restart the idle-lock countdown.' }),
  'records.list': operation<RecordSummary[]>()({ input: recordInputs.list, summary: 'Records of one form, most recently changed first.' }),
  'records.search': operation<RecordSummary[]>()({
    input: recordInputs.search,
    summary: 'Records whose name parts begin with the words typed (any script), or whose PIN begins with the digits typed.',
  }),
  'records.get': operation<RecordView>()({ input: recordInputs.get, summary: "One record, with the fields the operator's role may see." }),
  'records.checkDuplicates': operation<DuplicateCandidate[]>()({
    input: recordInputs.checkDuplicates,
    summary: 'Records that may be the same person: the same PIN, or a similar name with a close birth date.',
  }),
  'records.create': operation<RecordView>()({
    input: recordInputs.create,
    summary: 'Save a new record; refused while likely duplicates exist unless the operator gives a reason.',
  }),
  'records.update': operation<RecordView>()({ input: recordInputs.update, summary: 'Save a new version of a record (refused if someone saved in between).' }),
  'records.history': operation<HistoryView[]>()({ input: recordInputs.history, summary: 'Who changed which field of a record, and when.' }),
  'cases.get': operation<CaseView>()({ input: caseInputs.get, summary: "A case's workflow state, history, step deadlines and what the operator may do now." }),
  'cases.act': operation<CaseView>()({ input: caseInputs.act, summary: 'Take, request, approve, reject, cancel or resolve on a case; refused with the workflow’s reason.' }),
  'cases.tasks': operation<CaseTaskView[]>()({ input: caseInputs.tasks, summary: "Steps open, due soon or overdue that the operator's role owns, overdue first." }),
  'records.alerts': operation<AlertView[]>()({
    input: noInput,
    summary: "Warnings in the records the operator's role may see: expiring accreditations, stays past their term.",
  }),
  'drafts.save': operation<DraftView>()({ input: recordInputs.draftSave, summary: 'Autosave unsaved work to the encrypted cache.' }),
  'drafts.list': operation<DraftView[]>()({ input: noInput, summary: "The signed-in operator's unsaved drafts." }),
  'drafts.discard': operation<null>()({ input: recordInputs.draftDiscard, summary: 'Throw a draft away.' }),
  'photos.put': operation<PhotoValue>()({ input: recordInputs.photoPut, summary: 'Store a photo in the encrypted cache; answers its reference for a record.' }),
  'photos.get': operation<{ mimeType: string; contentBase64: string }>()({ input: recordInputs.photoGet, summary: 'A stored photo.' }),
  'reports.list': operation<ReportSummary[]>()({ input: noInput, summary: "The statistical reports of the signed-in role's packs (lists of persons only for roles that see them)." }),
  'reports.run': operation<ReportRunView>()({ input: reportInputs.run, summary: 'Compute a report over the cache for a period and region: its tables, suppressed where anonymised.' }),
  'reports.export': operation<ReportFile>()({ input: reportInputs.export, summary: 'The report as an Excel workbook (cover sheet, a sheet per table, lists), base64.' }),
  'reports.criteriaSearch': operation<CriteriaSearchView>()({
    input: reportInputs.criteriaSearch,
    summary: 'Records matching every chosen criterion: the count, and the names for roles that see records.',
  }),
  'sync.status': operation<SyncStatus>()({ input: noInput, summary: 'Online or not, changes waiting, last success, progress, the last problem.' }),
  'sync.now': operation<SyncStatus>()({ input: noInput, summary: 'Send the waiting changes and receive what changed, now.' }),
  'sync.issues': operation<SyncIssueView[]>()({ input: noInput, summary: 'Changes the server did not accept: conflicts to resolve, rejections to correct.' }),
  'sync.resolve': operation<SyncStatus>()({ input: syncInputs.resolve, summary: "Resolve a conflict section by section: keep this workstation's values or take the server's." }),
  'print.card': operation<PrintedDocument>()({ input: printInputs.card, summary: 'A stamped paper copy of one record as a PDF, in the chosen language; the print is audited.' }),
  'print.batch': operation<PrintedDocument>()({
    input: printInputs.batch,
    summary: 'Paper copies of the records chosen (or every record of a form) in one PDF, with progress events; each card audited.',
  }),
  'print.open': operation<OpenedDocument>()({
    input: printInputs.open,
    summary: "Paper copies for printing: the desktop opens its preview window; browser mode answers the address of the PDF for the browser's viewer.",
  }),
  'print.link': operation<DocumentLink>()({
    input: printInputs.link,
    summary: 'Browser mode: a fresh single-use address of a document print.open holds (open again, save), valid for a minute; gone after sign-out or lock.',
  }),
  'handover.status': operation<HandoverStatus>()({ input: noInput, summary: 'Changes waiting, packages on a carrier awaiting their receipt and since when, the last receipt.' }),
  'handover.drives': operation<DriveView[]>()({ input: noInput, summary: 'Removable drives mounted now (USB sticks, SD cards), with their free space.' }),
  'handover.export': operation<HandoverExportResult>()({
    input: handoverInputs.export,
    summary: 'Write every undelivered change to an encrypted, signed handover package in a folder (a removable drive), with progress events.',
  }),
  'handover.importReceipt': operation<HandoverReceiptResult>()({
    input: handoverInputs.importReceipt,
    summary: "Import the server's signed receipt for a package: delivered changes leave the outbox; conflicts and rejections wait for the operator.",
  }),
  'print.verify': operation<CopyVerification>()({ input: printInputs.verify, summary: "Whether a paper copy's verification code matches a stored revision, the current one or an earlier one." }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = Contract[N] extends OperationDef<z.ZodType, infer O> ? O : never;

export const operationNames = Object.keys(contract) as OperationName[];

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.hasOwn(contract, name);
