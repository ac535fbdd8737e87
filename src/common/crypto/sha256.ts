import { createHash } from 'node:crypto';

/** Hex SHA-256: how secrets handed out once (calendar and refresh tokens) are kept. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
