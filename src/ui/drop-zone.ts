import type { Attachment } from 'svelte/attachments';

/**
 * An element that takes a dropped file (a file input stays the keyboard's way): `dragging` tells
 * when files are held over it, `drop` receives them. Other drags (text, links) pass through.
 */
export function dropZone(on: { dragging(over: boolean): void; drop(files: FileList): void }): Attachment<HTMLElement> {
  return (node) => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      on.dragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!node.contains(e.relatedTarget as Node | null)) on.dragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      on.dragging(false);
      on.drop(e.dataTransfer.files);
    };
    node.addEventListener('dragover', over);
    node.addEventListener('dragleave', leave);
    node.addEventListener('drop', drop);
    return () => {
      node.removeEventListener('dragover', over);
      node.removeEventListener('dragleave', leave);
      node.removeEventListener('drop', drop);
    };
  };
}
