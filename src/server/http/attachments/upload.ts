import type { FastifyRequest } from 'fastify';
import { invalid, tooLarge } from '../../errors.js';
import type { Upload } from '../../services/attachments/files.js';

/** Reads the one `file` part (and an optional `name` field that renames it); over the limit → 413 naming `file`. */
export async function readFileUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  let upload: Upload | undefined;
  let rename: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid(part.fieldname, 'Send the file in the field named "file".');
        upload = { name: part.filename ?? '', contentType: part.mimetype, content: await part.toBuffer() };
      } else if (part.fieldname === 'name') rename = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge('file', `Files may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB.`);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw invalid('file', 'Send the file as multipart/form-data.');
    throw error;
  }
  if (!upload) throw invalid('file', 'Attach a file in the field "file".');
  return rename === undefined ? upload : { ...upload, name: rename };
}
