import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { waitFor } from './waitFor.ts';

/** Links already handed out: each call waits for a mail it has not read before (mails are written a moment later). */
const read = new Set<string>();

/**
 * The link of the newest invitation mailed to `email` by the server whose data folder is `dataDir` (without
 * SMTP_URL mails are written to its outbox) that no call has returned yet, as the invited person finds it.
 */
export async function mailedInvitationLink(dataDir: string, email: string): Promise<string> {
  const outbox = join(dataDir, 'outbox');
  const link = await waitFor(
    async () => {
      if (!existsSync(outbox)) return false;
      for (const file of readdirSync(outbox).sort().reverse()) {
        const mail = await simpleParser(readFileSync(join(outbox, file)));
        const to = [mail.to ?? []].flat().map((address) => address.text);
        const found = /https?:\/\/\S+\/invitasjon#\S+/.exec(mail.text ?? '');
        if (found && !read.has(found[0]) && to.some((text) => text.includes(email))) return found[0];
      }
      return false;
    },
    { message: `an invitation mailed to ${email}` },
  );
  read.add(link);
  return link;
}
