import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmailTransportStrategy } from './email-transport.js';

const MAX_ATTEMPTS = 5;

/**
 * Delivers pending outbox e-mails. Rows are claimed with `for update skip locked`, so several
 * API processes can run this at once without sending a mail twice.
 */
export async function deliverOutbox(em: EntityManager, transport: EmailTransportStrategy, batch = 100): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  await em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const rows = await conn.execute<{ id: number; to_address: string; subject: string; body: string; attempts: number }[]>(
      `select id, to_address, subject, body, attempts from email_outbox where status = 'PENDING' order by id limit ? for update skip locked`,
      [batch],
      'all',
      ctx,
    );
    for (const r of rows) {
      try {
        await transport.send({ to: r.to_address, subject: r.subject, body: r.body });
        await conn.execute(`update email_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1 where id = ?`, [r.id], 'run', ctx);
        sent++;
      } catch (e) {
        const attempts = r.attempts + 1;
        await conn.execute(
          `update email_outbox set attempts = ?, last_error = ?, status = ? where id = ?`,
          [attempts, String((e as Error).message ?? e).slice(0, 500), attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING', r.id],
          'run',
          ctx,
        );
        failed++;
      }
    }
  });
  return { sent, failed };
}
