import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Writable } from 'node:stream';
import { contentDisposition } from './content-disposition';

export interface FileToSend {
  filename: string;
  contentType: string;
  write: (out: Writable) => Promise<void>;
}

const logger = new Logger('Download');

/**
 * Streams a file as an attachment. Once the first byte is out the status cannot change any more, so a
 * failure from then on cuts the response short (the client sees a broken download, not a partial file).
 */
export async function sendFile(res: Response, file: FileToSend): Promise<void> {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDisposition(file.filename));
  res.setHeader('Cache-Control', 'no-store');
  try {
    await file.write(res);
  } catch (error) {
    logger.error(`download ${file.filename} failed: ${String(error)}`);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
