// The tools' part of the view in the address: the project chosen in the locate box (`project`), and whether
// the address named a centre when the page opened (a linked project is then not re-framed). Centre and zoom
// are kept in step with the map by the workbench's view state (state/viewState.ts, map/useUrlView.ts).
import { useState } from 'react';
import { useViewState } from '../state/viewState';

export function useViewUrl(): {
  urlHadCentre: boolean;
  project: string | null;
  setProject: (code: string | null) => void;
} {
  const { view, setProject } = useViewState();
  const [urlHadCentre] = useState(() => view.centre !== null);
  return { urlHadCentre, project: view.project, setProject };
}
