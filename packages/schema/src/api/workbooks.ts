import * as z from 'zod';

/** The media type of the Excel template and of the workbook uploaded back. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An Excel workbook's bytes, as the template is sent and the filled-in copy comes back. */
export const WorkbookBytes = z.string().meta({ description: 'xlsx bytes' });
