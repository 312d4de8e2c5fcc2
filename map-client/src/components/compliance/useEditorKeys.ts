// The site editor's keys on the compliance page: Ctrl+Z (⌘Z) undoes the last change of the site and Esc
// leaves 删除拐点, unless a text field or a list has the keys.
import { useEffect } from 'react';
import type { SiteEditor } from './useSiteEditor';

export function useEditorKeys(editor: SiteEditor): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        editor.undo();
      } else if (event.key === 'Escape' && editor.deleting) editor.setDeleting(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
}
