// Files attached to planning opinions, kept under the upload folder by their SHA-256 (the same file attached
// twice is stored once). A file enters only with the opinion that names it: one moved in for an opinion
// that is then not written is removed again, unless it was there before.
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A file as the HTTP edge received it: in a temporary place, measured and hashed. */
export interface ReceivedFile {
  tempPath: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

export class AttachmentStore {
  constructor(readonly dir: string) {}

  /** where a stored file lives, or null for a malformed digest */
  pathOf(sha256: string): string | null {
    return SHA256.test(sha256) ? path.join(this.dir, sha256) : null;
  }

  private async exists(file: string): Promise<boolean> {
    return access(file).then(
      () => true,
      () => false,
    );
  }

  /** Moves the received files in; answers the digests that are new (to remove if the opinion fails). */
  async keep(files: ReceivedFile[]): Promise<string[]> {
    await mkdir(this.dir, { recursive: true });
    const added: string[] = [];
    for (const file of files) {
      const target = this.pathOf(file.sha256);
      if (!target) throw new Error(`not a SHA-256: ${file.sha256}`);
      if (await this.exists(target)) continue;
      await rename(file.tempPath, target);
      added.push(file.sha256);
    }
    return added;
  }

  async discard(digests: string[]): Promise<void> {
    await Promise.all(digests.map((d) => rm(path.join(this.dir, d), { force: true })));
  }
}
