import { PassThrough } from 'node:stream';
import type { ReportSummary } from '../../shared/api/reports';
import { canView } from '../../shared/forms/access';
import type { PackDef } from '../../shared/forms/packTypes';
import type { ReportDef } from '../../shared/reports/reportTypes';
import { readerScope } from '../records/readerScope';
import { criteriaSearch } from '../reports/criteriaSearch';
import { exportReport, runReport, type ReportRunContext } from '../reports/reportRun';
import { BalaError } from './balaError';
import type { BackendContext, DomainHandlers } from './handlers';
import { titleOf } from './recordHandlers';

/** A report lists persons when one of its lists is of a personal population. */
export const isPersonalReport = (report: ReportDef) =>
  report.lists.some((list) => report.populations.find((population) => population.id === list.population)?.personal === true);

/** The signed-in role's packs and what it may do with their reports. */
function access(ctx: BackendContext) {
  const work = ctx.session.work('read');
  const packs = ctx.packs.filter((pack) => pack.reports && pack.roles.some((role) => role.id === work.role));
  const aggregateOnly = (pack: PackDef) => pack.roles.find((role) => role.id === work.role)?.aggregateOnly === true;
  // Totals are for every role of the pack; lists of persons only for roles that see those records.
  const mayList = (pack: PackDef, report: ReportDef) =>
    !aggregateOnly(pack) &&
    report.lists.every((list) => {
      const population = report.populations.find((candidate) => candidate.id === list.population);
      const form = pack.forms.find((candidate) => candidate.id === population?.formId);
      return !population?.personal || (form !== undefined && canView(form.access, work.role));
    });
  // Counts and lists alike are of the records within the role's reach (docs/security.md).
  return { ...work, packs, aggregateOnly, mayList, scope: readerScope(work.db, ctx.packs, work.role) };
}

function reportFor(ctx: BackendContext, reportId: string, anonymised: boolean) {
  const allowed = access(ctx);
  for (const pack of allowed.packs) {
    const report = pack.reports?.reports.find((candidate) => candidate.id === reportId);
    if (!report) continue;
    // A role that sees only totals gets them as published: small counts suppressed.
    const publish = anonymised || allowed.aggregateOnly(pack);
    if (isPersonalReport(report) && (!allowed.mayList(pack, report) || publish)) {
      if (publish && allowed.mayList(pack, report)) throw new BalaError('INVALID_INPUT', {}, [{ path: 'anonymised', code: 'personalReport', message: ctx.t()('reports.personalNotAnonymisable') }]);
      throw new BalaError('NOT_PERMITTED');
    }
    const status = ctx.session.status();
    const run: ReportRunContext = {
      db: allowed.db,
      pack,
      language: ctx.language(),
      t: ctx.t(),
      generatedBy: status.state === 'signedIn' ? `${status.user.displayName} (${status.user.username})` : allowed.username,
      scopeName: status.state === 'signedIn' ? status.agencyName : '',
      scope: allowed.scope,
    };
    return { report, run, anonymised: publish, username: allowed.username };
  }
  throw new BalaError('NOT_FOUND');
}

export const reportHandlers: DomainHandlers<'reports'> = {
  'reports.list': (_input, ctx) => {
    const { packs, mayList } = access(ctx);
    const language = ctx.language();
    return packs.flatMap((pack) =>
      (pack.reports?.reports ?? [])
        .filter((report) => !isPersonalReport(report) || mayList(pack, report))
        .map((report): ReportSummary => ({
          id: report.id,
          packId: pack.id,
          title: report.title[language],
          personal: isPersonalReport(report),
          tables: report.tables.map((table) => ({ id: table.id, title: table.title[language], chart: table.chart ?? false })),
        })),
    );
  },
  'reports.run': async ({ reportId, anonymised, ...period }, ctx) => {
    const found = reportFor(ctx, reportId, anonymised);
    return await runReport(found.run, found.report, { ...period, anonymised: found.anonymised });
  },
  'reports.export': async ({ reportId, anonymised, ...period }, ctx) => {
    const found = reportFor(ctx, reportId, anonymised);
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => sink.once('end', resolve));
    const view = await exportReport(found.run, found.report, { ...period, anonymised: found.anonymised }, sink);
    if (!sink.writableEnded) sink.end();
    await ended;
    // Who took which report out of the cache, and whether it named persons.
    found.run.db
      .prepare("INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, 'report.export', ?)")
      .run(new Date().toISOString(), found.username, JSON.stringify({ reportId, anonymised: found.anonymised, from: view.from, to: view.to, personal: isPersonalReport(found.report) }));
    return {
      fileName: `${reportId.replace(/[^A-Za-z0-9.-]/g, '_')}_${view.from}_${view.to}${found.anonymised ? '_anonymised' : ''}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.concat(chunks).toString('base64'),
    };
  },
  'reports.criteriaSearch': async ({ packId, criteria, limit }, ctx) => {
    const allowed = access(ctx);
    const pack = allowed.packs.find((candidate) => candidate.id === packId);
    const def = pack?.reports?.criteriaSearch;
    if (!pack || !def) throw new BalaError('NOT_FOUND');
    const form = pack.forms.find((candidate) => candidate.id === def.population.formId);
    const withNames = !allowed.aggregateOnly(pack) && form !== undefined && canView(form.access, allowed.role);
    return await criteriaSearch(allowed.db, pack, def, criteria, { limit, withNames, scope: allowed.scope, titleOf: (values) => (form ? titleOf(form, values) : '') });
  },
};
