import { createRequire } from 'node:module';
import path from 'node:path';
import type { Express, Request, Response } from 'express';
import PDFDocument from 'pdfkit';
import { now } from '../../common/clock.js';
import { DomainError } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { buildContext, type AppDeps } from '../../graphql/context.js';
import { flushAccessLog } from '../audit/access-log.service.js';
import { PersonalDataAction } from '../servant/servant.service.js';
import { toCsv } from '../../common/csv-export.js';
import { documentTexts as T } from './certification.messages.js';
import { kstDate } from '../../common/kst.js';
import { trimDecimal } from '../../common/decimal.js';
import { normalizeVerificationCode } from './certification.service.js';

/**
 * Korean glyphs come from Pretendard (SIL OFL), shipped through npm and embedded (subset) in
 * every PDF, so the documents render the same on any server and any reader: no system fonts.
 * pdfkit writes a ToUnicode map for embedded fonts, so the text stays searchable and readable
 * by screen readers.
 */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pretendard/package.json')), 'dist/public/static');
const FONT_REGULAR = path.join(FONT_DIR, 'Pretendard-Regular.otf');
const FONT_BOLD = path.join(FONT_DIR, 'Pretendard-Bold.otf');

function newPdf(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 56, lang: 'ko-KR', displayTitle: true, info: { Title: title, Author: T.issuer, Producer: 'Kok', CreationDate: now() } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular');
  return doc;
}

function render(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface CertificateData {
  holderName: string;
  programName: string;
  awardedAt: Date;
  expiresAt: Date | null;
  code: string;
}

/** A one-page printable certificate. */
export function certificatePdf(c: CertificateData): Promise<Buffer> {
  const doc = newPdf(`${T.certificateTitle.replace(/ /g, '')} - ${c.programName}`);
  const width = doc.page.width - 112;
  doc.rect(36, 36, doc.page.width - 72, doc.page.height - 72).lineWidth(2).stroke('#1f3a68');
  doc.moveDown(4).font('bold').fontSize(34).fillColor('#1f3a68').text(T.certificateTitle, { align: 'center', width });
  doc.moveDown(2).font('regular').fontSize(14).fillColor('black');
  const line = (label: string, value: string) => doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  line(T.holder, c.holderName);
  doc.moveDown(0.5);
  line(T.program, c.programName);
  doc.moveDown(0.5);
  line(T.awardedOn, kstDate(c.awardedAt));
  doc.moveDown(0.5);
  line(T.expiresOn, c.expiresAt ? `${kstDate(c.awardedAt)} ~ ${kstDate(c.expiresAt)}` : T.noExpiry);
  doc.moveDown(2).fontSize(15).text(T.body, { align: 'left', width, lineGap: 6 });
  doc.moveDown(3).fontSize(14).text(kstDate(c.awardedAt), { align: 'center', width });
  doc.moveDown(1).font('bold').fontSize(20).text(T.issuer, { align: 'center', width });
  doc.moveDown(4).font('regular').fontSize(10).fillColor('#444').text(`${T.code}: ${c.code}`, { align: 'center', width });
  doc.text(T.verifyHint, { align: 'center', width });
  return render(doc);
}

export interface TranscriptEntry {
  id: string;
  occurred_on: string;
  kind: string;
  subject: string;
  category: string | null;
  hours: string;
  amount: string;
  reverses_id: string | null;
  reversed: boolean;
}

export interface TranscriptData {
  name: string;
  employeeNumber: string;
  organization: string;
  balance: string;
  entries: TranscriptEntry[];
}

function entryRow(e: TranscriptEntry): string[] {
  const note = e.reverses_id ? `#${e.reverses_id} ${T.reversed}` : e.reversed ? T.reversed : '';
  return [e.occurred_on, T.kinds[e.kind] ?? e.kind, e.subject, e.category ?? '', trimDecimal(e.hours), trimDecimal(e.amount), note];
}

/** Every ledger entry of a servant, oldest first, as CSV. */
export function transcriptCsv(d: TranscriptData): string {
  return toCsv(T.columns, d.entries.map(entryRow));
}

/** Every ledger entry of a servant, oldest first, as a printable table. */
export function transcriptPdf(d: TranscriptData): Promise<Buffer> {
  const doc = newPdf(`${T.transcriptTitle} - ${d.name}`);
  doc.font('bold').fontSize(20).text(T.transcriptTitle, { align: 'center' });
  doc.moveDown(1).font('regular').fontSize(11);
  doc.text(`${T.holder}: ${d.name}    ${T.employeeNumber}: ${d.employeeNumber}    ${T.organization}: ${d.organization}`);
  doc.text(`${T.issuedAt}: ${kstDate(now())}    ${T.balance}: ${trimDecimal(d.balance)}`);
  doc.moveDown(1);
  const widths = [70, 36, 170, 70, 40, 40, 57];
  const x0 = doc.page.margins.left;
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 4 })));
    if (y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, top, { width: widths[i] - 4, lineBreak: true });
      x += widths[i];
    });
    doc.y = top + height + 4;
    doc.x = x0;
  };
  row([...T.columns], true);
  if (!d.entries.length) doc.text(T.noEntries);
  for (const e of d.entries) row(entryRow(e));
  return render(doc);
}

/** Loads a servant's transcript (all entries, reversals shown as such). */
async function loadTranscript(deps: AppDeps, servantId: number): Promise<TranscriptData | null> {
  const conn = deps.orm.em.fork().getConnection();
  const [s] = await conn.execute<{ name: string; employee_number: string; organization: string; balance: string | null }[]>(
    `select s.name, s.employee_number, o.name || coalesce(' ' || d.name, '') as organization, b.balance
     from servant s join organization o on o.id = s.organization_id left join organization d on d.id = s.department_id
     left join credit_balance b on b.servant_id = s.id where s.id = ?`,
    [servantId],
  );
  if (!s) return null;
  const entries = await conn.execute<TranscriptEntry[]>(
    `select t.id::text, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on, t.kind, coalesce(t.subject_title, c.title, t.reason) as subject, cat.name as category,
            t.hours::text, t.amount::text, t.reverses_id::text, exists (select 1 from credit_transaction r where r.reverses_id = t.id) as reversed
     from credit_transaction t left join course c on c.id = t.course_id left join category cat on cat.id = t.category_id
     where t.servant_id = ? order by t.occurred_on, t.id`,
    [servantId],
  );
  return { name: s.name, employeeNumber: s.employee_number, organization: s.organization, balance: s.balance ?? '0', entries };
}

function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-disposition', `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(pdf);
}

/**
 * Printable documents over HTTP, next to /graphql:
 * - `GET /certificates/<code>.pdf`: public, by verification code (it shows only what
 *   certificateVerify shows); 404 for an unknown code, 410 for a revoked certification.
 * - `GET /transcripts/<servant id>.pdf|.csv`: needs `Authorization: Bearer <token>`; the same
 *   visibility as the servant (the servant, administrators in scope); the read is logged.
 *   401 without a valid token, 404 when the servant is unknown or out of scope.
 */
export function registerDocumentRoutes(app: Express, deps: AppDeps): void {
  app.get('/certificates/:file', async (req: Request, res: Response) => {
    try {
      const m = /^(.+)\.pdf$/i.exec(String(req.params.file));
      const code = m ? normalizeVerificationCode(m[1]) : null;
      const [row] = code
        ? await deps.orm.em
            .fork()
            .getConnection()
            .execute<{ holder_name: string; program_name: string; awarded_at: Date; expires_at: Date | null; code: string; revoked_at: Date | null }[]>(
              `select s.name as holder_name, p.name as program_name, c.awarded_at, c.expires_at, c.verification_code as code, c.revoked_at
               from certification c join servant s on s.id = c.servant_id join certification_program p on p.id = c.program_id where c.verification_code = ?`,
              [code],
            )
        : [];
      if (!row) {
        res.status(404).json({ error: 'not found' });
        return;
      }
      // A revoked certification has no certificate to print (certificateVerify says REVOKED).
      if (row.revoked_at) {
        res.status(410).json({ error: 'revoked' });
        return;
      }
      const pdf = await certificatePdf({
        holderName: row.holder_name,
        programName: row.program_name,
        awardedAt: new Date(row.awarded_at),
        expiresAt: row.expires_at ? new Date(row.expires_at) : null,
        code: row.code,
      });
      sendPdf(res, pdf, `인증서-${row.program_name}.pdf`);
    } catch (e) {
      deps.log.error('certificate pdf failed', { error: String(e) });
      res.status(500).json({ error: 'internal error' });
    }
  });

  app.get('/transcripts/:file', async (req: Request, res: Response) => {
    try {
      const m = /^([A-Za-z0-9_-]{1,200})\.(pdf|csv)$/.exec(String(req.params.file));
      if (!m) {
        res.status(404).json({ error: 'not found' });
        return;
      }
      let ctx;
      try {
        ctx = await buildContext(deps, { authorization: req.headers.authorization ?? null, acceptLanguage: req.headers['accept-language'], ip: req.socket.remoteAddress ?? null });
      } catch {
        res.status(401).json({ error: 'unauthenticated' });
        return;
      }
      if (!ctx.scope.viewer) {
        res.status(401).json({ error: 'unauthenticated' });
        return;
      }
      let servantId: number;
      try {
        const id = fromGlobalId(m[1]);
        if (id.type !== 'Servant') throw DomainError.notFound();
        servantId = id.id;
      } catch {
        res.status(404).json({ error: 'not found' });
        return;
      }
      const servant = await ctx.services.servants.byId(servantId);
      if (!servant || !(await ctx.services.servants.canRead(servant))) {
        res.status(404).json({ error: 'not found' });
        return;
      }
      ctx.scope.logAccess([servantId], PersonalDataAction.READ_EDUCATION);
      await flushAccessLog(ctx.scope.em, ctx.scope);
      const data = (await loadTranscript(deps, servantId))!;
      if (m[2] === 'csv') {
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="transcript.csv"; filename*=UTF-8''${encodeURIComponent(`학점이수내역-${data.name}.csv`)}`);
        res.setHeader('cache-control', 'private, no-store');
        res.send(transcriptCsv(data));
        return;
      }
      sendPdf(res, await transcriptPdf(data), `학점이수내역-${data.name}.pdf`);
    } catch (e) {
      deps.log.error('transcript failed', { error: String(e) });
      res.status(500).json({ error: 'internal error' });
    }
  });
}
