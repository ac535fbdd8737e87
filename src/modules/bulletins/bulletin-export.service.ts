import { Injectable } from '@nestjs/common';
import { FileToSend } from '../../common/export/download';
import { XLSX_CONTENT_TYPE } from '../../common/export/xlsx';
import { bulletinWorkbook } from './bulletin-workbook';
import { BulletinsService } from './bulletins.service';

@Injectable()
export class BulletinExportService {
  constructor(private readonly bulletins: BulletinsService) {}

  /** The stored bulletin as .xlsx, named like 月通报-2026-10-v1.xlsx. 404 when it does not exist. */
  async xlsx(id: string): Promise<FileToSend> {
    const bulletin = await this.bulletins.get(id);
    const workbook = bulletinWorkbook(bulletin, bulletin.snapshot);
    return {
      filename: `月通报-${bulletin.month}-v${bulletin.version}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      write: async (out) => {
        await workbook.xlsx.write(out);
        out.end();
      },
    };
  }
}
