/** The playground's own program: the document the editor shows outside lessons. */
import type { DraftDocument } from '../features/drafts/draftSlice';
import { SEED_PROGRAM } from '../features/editor/seedProgram';

export const PLAYGROUND_DOCUMENT: DraftDocument = {
  key: 'loopscope:playground:program',
  startingCode: SEED_PROGRAM,
  title: 'Playground',
};
