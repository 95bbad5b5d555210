import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { BalaClient } from '../shared/api/client';
import { classifierMap } from '../shared/forms/packTypes';
import { printPlan } from '../shared/print/printLayout';
import { createBackend, type Backend } from '../src-main/backend';
import { printTranslator, valueWords } from '../src-main/print/cardWords';
import { inProcessClient } from '../src-main/transport/inProcessClient';
import { pupilForm, samplePupil } from '../tests/support/pupilSamples';
import { tempDir } from '../tests/support/tempDir';
import { issueTestProfile } from '../tests/support/testProfile';
import { printFigure } from './measure';

const batchSize = Number(process.env.BALA_BENCH_PRINT_BATCH ?? 500);
const singleRuns = 30;
// A 360 × 480 colour portrait, 45 KB as JPEG: what a camera-taken passport photo weighs once cropped.
const portrait = path.resolve(import.meta.dirname, '../tests/node/print/fixtures/portrait.jpg');
const dejaVuSans = fs.readFileSync(path.resolve(import.meta.dirname, '../resources/fonts/DejaVuSans.ttf'));

async function signedIn(dataDir: string): Promise<{ backend: Backend; client: BalaClient }> {
  const profile = await issueTestProfile({ agencyName: 'Бишкек шаардык №1 балдар үйү', operators: [{ username: 'aigul', password: 'Generated-Pass-1', role: 'data_holder', mustChangePassword: false }] });
  const backend = createBackend({ dataDir, mode: 'test', locales: ['ky'] });
  await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  const answer = await backend.call('session.signIn', { username: 'aigul', password: 'Generated-Pass-1' });
  if (!answer.ok) throw new Error(answer.error.code);
  return { backend, client: inProcessClient(backend) };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;

/**
 * The library's limit: the card's words as plain lines on bare pages, in the same font embedded
 * the way pdf-lib's documentation does it (fontkit registered, subset) — no layout, no caches.
 */
async function barePages(lines: readonly string[], pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(dejaVuSans, { subset: true });
  for (let p = 0; p < pages; p += 1) {
    const page = doc.addPage([595.28, 841.89]);
    lines.forEach((line, index) => page.drawText(line.slice(0, 90), { x: 40, y: 800 - (index % 70) * 11, size: 9, font }));
  }
  return doc.save();
}

// A full collection before each measurement, so both start from the same live memory (npm run bench passes no --expose-gc).
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Live memory (JS heap and buffers) at its highest while `work` runs, above where it started (sampled every 20 ms). */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number; rssMb: number }> {
  collectGarbage();
  const live = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.external;
  };
  const start = live();
  let peak = start;
  let rss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, live());
    rss = Math.max(rss, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await work();
    peak = Math.max(peak, live());
    return { value, peakMb: (peak - start) / 1024 / 1024, rssMb: rss / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchPrint(): Promise<void> {
  const temp = tempDir('bala-bench-print-');
  const { backend, client } = await signedIn(temp.dir);
  try {
    const photo = await client.call('photos.put', { mimeType: 'image/jpeg', contentBase64: fs.readFileSync(portrait).toString('base64') });
    if (!photo.ok) throw new Error(photo.error.code);
    const ids: string[] = [];
    for (let i = 0; i < batchSize; i += 1) {
      const created = await client.call('records.create', {
        formId: 'kg-residential.pupil',
        values: { ...samplePupil(i), name: { surname: `Үмөтбекова-${String.fromCharCode(1072 + (i % 32))}${i}`.replace(/\d/g, ''), givenName: 'Айзирек', patronymic: 'Таңсыковна' }, photo: photo.value },
        newDespiteDuplicates: 'bench',
      });
      if (!created.ok) throw new Error(`${created.error.code} ${JSON.stringify(created.error.fields)}`);
      ids.push(created.value.id);
    }
    const first = ids[0] ?? '';

    // One card with its photo, through the API as the window and the CLI call it (after one warm-up).
    await client.call('print.card', { recordId: first, language: 'ky' });
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let bytes = 0;
    let pages = 0;
    for (let run = 0; run < singleRuns; run += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const printed = await client.call('print.card', { recordId: first, language: 'ky', headName: 'Сейитова Айгүл Бакытовна' });
      times.push(performance.now() - started);
      cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
      if (!printed.ok) throw new Error(printed.error.code);
      bytes = Buffer.from(printed.value.pdfBase64, 'base64').length;
      pages = printed.value.pages;
    }

    // The baseline: the same words (labels and values) and font on bare pages, no layout, no photo, no stamp.
    const record = await client.call('records.get', { id: first });
    if (!record.ok) throw new Error(record.error.code);
    const { pack, form } = pupilForm();
    const t = printTranslator('ky');
    const plan = printPlan(form, record.value.values, { language: 'ky', role: 'data_holder', classifiers: classifierMap(pack), words: valueWords(t) });
    const lines = plan.blocks.flatMap((block) => (block.kind === 'section' ? [block.title] : block.kind === 'field' ? [block.label, block.text] : [block.label, ...block.columns, ...block.rows.flat()]));
    await barePages(lines, pages);
    const bareTimes: number[] = [];
    const bareCpuTimes: number[] = [];
    let bareBytes = 0;
    for (let run = 0; run < singleRuns; run += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      bareBytes = (await barePages(lines, pages)).length;
      bareTimes.push(performance.now() - started);
      bareCpuTimes.push(cpuMs(process.cpuUsage(cpu)));
    }
    printFigure({ name: `one pupil card with photo (${pages} pages), wall time`, value: median(times), baselineName: 'bare pdf-lib pages, same text and font', baseline: median(bareTimes), unit: 'ms' });
    // On a shared machine the wall time carries the other processes' load; CPU time is the card's own.
    printFigure({ name: `one pupil card with photo (${pages} pages), CPU time`, value: median(cpuTimes), baselineName: 'bare pdf-lib pages, same text and font', baseline: median(bareCpuTimes), unit: 'ms' });
    printFigure({ name: 'one pupil card with photo, size', value: bytes / 1024, baselineName: 'bare pdf-lib pages, same text and font', baseline: bareBytes / 1024, unit: 'KB' });
    console.log(`  (the photo itself is ${(fs.statSync(portrait).size / 1024).toFixed(1)} KB and is embedded as is; aim ≤ 80 ms and ≤ 150 KB per card)`);

    // A batch of the whole institution into one PDF.
    const batch = await withPeakMemory(async () => {
      const started = performance.now();
      const printed = await client.call('print.batch', { recordIds: ids, language: 'ky' });
      if (!printed.ok) throw new Error(printed.error.code);
      return { ms: performance.now() - started, bytes: Buffer.from(printed.value.pdfBase64, 'base64').length, pages: printed.value.pages };
    });
    const bareBatch = await withPeakMemory(async () => {
      const started = performance.now();
      const pdf = await barePages(lines, batch.value.pages);
      return { ms: performance.now() - started, bytes: pdf.length };
    });
    printFigure({ name: `batch of ${batchSize} cards (${batch.value.pages} pages), total`, value: batch.value.ms / 1000, baselineName: `${batch.value.pages} bare pages`, baseline: bareBatch.value.ms / 1000, unit: 's' });
    printFigure({ name: `batch of ${batchSize} cards, peak live memory (heap and buffers above the start)`, value: batch.peakMb, baselineName: `${batch.value.pages} bare pages`, baseline: bareBatch.peakMb, unit: 'MB' });
    console.log(`  (process RSS at its highest: ${batch.rssMb.toFixed(0)} MB during the batch, ${bareBatch.rssMb.toFixed(0)} MB during the bare pages)`);
    console.log(`  (batch PDF ${(batch.value.bytes / 1024 / 1024).toFixed(1)} MB: the photo is embedded once per card; ${(batch.value.ms / batchSize).toFixed(1)} ms per card)`);
  } finally {
    await backend.close();
    temp.cleanup();
  }
}
