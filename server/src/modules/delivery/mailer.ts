import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Deterministic per alert, member and kind: a mail system can drop a repeat. */
  messageId: string;
}

export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** nodemailer over SMTP from configuration (SMTP_URL). */
export function smtpSender(smtpUrl: string, from: string): SendMail {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
  };
}
