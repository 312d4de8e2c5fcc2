// A site file the client cannot read: the message says why (Chinese / English), for the upload panel.
export class SiteFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteFileError';
  }
}
