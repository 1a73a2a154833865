import nodemailer from 'nodemailer';
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

/** SMTP through nodemailer, chosen when SMTP_URL is set (e.g. smtp://user:pass@mail.gg.go.kr:587). */
export class SmtpEmailTransport implements EmailTransportStrategy {
  private readonly transporter: nodemailer.Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }
  async send(message: EmailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.body });
  }
}

/** The transport the settings ask for: SMTP when configured, the log otherwise. */
export function emailTransportFor(smtp: { url: string; from: string } | null, log: Logger): EmailTransportStrategy {
  return smtp ? new SmtpEmailTransport(smtp.url, smtp.from) : new LogEmailTransport(log);
}
