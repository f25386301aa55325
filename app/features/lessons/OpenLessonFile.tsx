import { useId, useState, type DragEvent } from 'react';
import { MAX_LESSON_BYTES } from './externalLesson';

interface OpenLessonFileProps {
  /** Other sites whose lesson files this build opens by address (lessonOrigins.ts). */
  readonly listedOrigins: readonly string[];
  /** The learner gave an address: the shell opens it (`#/lesson-url/…`). */
  readonly onAddress: (url: string) => void;
  /** The learner chose or dropped a file: its name and bytes (at most a little over the limit). */
  readonly onFile: (name: string, bytes: Uint8Array) => void;
}

/** Reads at most a little more than a lesson may hold: a huge file is refused without being read whole. */
async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, MAX_LESSON_BYTES + 1).arrayBuffer());
}

/** Hands on the first file of a drop or a pick. */
function openFirst(files: FileList | null, onFile: OpenLessonFileProps['onFile']): void {
  const file = files?.[0];
  if (file) {
    void fileBytes(file).then((bytes) => {
      onFile(file.name, bytes);
    });
  }
}

/**
 * "Open a lesson file": an instructor's lesson, in the course's format
 * (docs/authoring-lessons.md), by its address on this site (or a site the
 * owner listed) or from a file chosen or dropped here.
 */
export function OpenLessonFile({ listedOrigins, onAddress, onFile }: OpenLessonFileProps) {
  const [address, setAddress] = useState('');
  const [dragging, setDragging] = useState(false);
  const fileId = useId();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    openFirst(event.dataTransfer.files, onFile);
  };
  return (
    <section
      aria-label="Open a lesson file"
      className={dragging ? 'open-lesson-file open-lesson-file-dragging' : 'open-lesson-file'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2>Open a lesson file</h2>
      <p>
        A lesson your teacher wrote, in the same format as these (a Markdown file): by its address
        on this site{listedOrigins.length > 0 ? ` or on ${listedOrigins.join(', ')}` : ''}, or from
        your computer (choose it, or drop it here).
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (address.trim() !== '') onAddress(new URL(address.trim(), document.baseURI).href);
        }}
      >
        <label>
          Address{' '}
          <input
            type="text"
            value={address}
            placeholder="lessons/my-lesson.md"
            onChange={(event) => {
              setAddress(event.target.value);
            }}
          />
        </label>{' '}
        <button type="submit">Open</button>
      </form>
      <p>
        <label htmlFor={fileId}>Or choose a file: </label>
        <input
          id={fileId}
          type="file"
          accept=".md,text/markdown,text/plain"
          onChange={(event) => {
            openFirst(event.target.files, onFile);
            event.target.value = '';
          }}
        />
      </p>
    </section>
  );
}
