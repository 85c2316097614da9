interface Parent {
  id: string;
  objectiveId: string | null;
  keyResultId: string | null;
  createdAt: Date;
}

export const presentLink = (link: Parent & { title: string; url: string; addedBy: string | null; canRemove: boolean }) => ({
  id: link.id,
  objectiveId: link.objectiveId,
  keyResultId: link.keyResultId,
  title: link.title,
  url: link.url,
  addedBy: link.addedBy,
  canRemove: link.canRemove,
  createdAt: link.createdAt.toISOString(),
});

export const presentFile = (
  file: Parent & { name: string; contentType: string; size: number; addedBy: string | null; canRemove: boolean },
) => ({
  id: file.id,
  objectiveId: file.objectiveId,
  keyResultId: file.keyResultId,
  name: file.name,
  contentType: file.contentType,
  size: file.size,
  addedBy: file.addedBy,
  canRemove: file.canRemove,
  downloadUrl: `/api/v1/files/${file.id}/download`,
  createdAt: file.createdAt.toISOString(),
});

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
