import { useState, type DragEvent } from 'react';

interface FileDropProps {
  testId: string;
  accept: string;
  multiple?: boolean;
  dropLabel: string;
  chooseLabel: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}

/** A drop zone with a real file input inside it (keyboard- and test-friendly). */
export function FileDrop({ testId, accept, multiple = false, dropLabel, chooseLabel, disabled = false, onFiles }: FileDropProps) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles(Array.from(event.dataTransfer.files));
  };
  return (
    <div className={`file-drop${over ? ' file-drop-over' : ''}`} data-testid={`${testId}-drop`}
      onDragOver={(event) => { event.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <span>{dropLabel}</span>{' '}
      <label className="file-choose">
        {chooseLabel}
        <input type="file" data-testid={testId} accept={accept} multiple={multiple} disabled={disabled}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            // Cleared so that choosing the same file again (after fixing it) fires again.
            event.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }} />
      </label>
    </div>
  );
}
