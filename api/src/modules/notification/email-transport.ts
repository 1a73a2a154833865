import type { Logger } from '../../common/logger.js';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
}

/**
 * How outbox e-mails leave the platform. The default writes them to the log (no mail server
 * needed); a deployment plugs in SMTP or an internal gateway.
 *
 * @example
 * class GatewayTransport implements EmailTransportStrategy {
 *   async send(m) { await fetch('https://mail.gg.go.kr/send', { method: 'POST', body: JSON.stringify(m) }); }
 * }
 */
export interface EmailTransportStrategy {
  send(message: EmailMessage): Promise<void>;
}

/** Default transport: logs that a mail was sent (recipient domain only: addresses are personal data). */
export class LogEmailTransport implements EmailTransportStrategy {
  constructor(private readonly log: Logger) {}
  async send(message: EmailMessage): Promise<void> {
    this.log.info('email sent (log transport)', { toDomain: message.to.split('@')[1] ?? '', subject: message.subject });
  }
}
