/**
 * The user's loaded dataset kept in the browser so that it survives a reload: the Origin
 * Private File System (navigator.storage.getDirectory) where the browser has it, else
 * IndexedDB. Files are opaque bytes here; what they mean is the data loader's business.
 * Nothing leaves the browser.
 */
export interface StoredFiles { [name: string]: Uint8Array }

const DIRECTORY = 'onemap-dataset';
const DB_NAME = 'onemap';
const STORE = 'dataset';

async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  try {
    if (!navigator.storage?.getDirectory) return null;
    return await navigator.storage.getDirectory();
  } catch {
    // Some browsers refuse OPFS in private windows: IndexedDB may still work there.
    return null;
  }
}

function openIndexedDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => { request.result.createObjectStore(STORE); };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

function idbRequest<T>(run: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode): Promise<T> {
  return openIndexedDb().then((db) => new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = run(transaction.objectStore(STORE));
    transaction.oncomplete = () => { db.close(); resolve(request.result); };
    transaction.onerror = () => { db.close(); reject(transaction.error ?? new Error('IndexedDB transaction failed')); };
  }));
}

/** Replaces the stored dataset by these files (all or nothing as far as the backend allows: the old directory is removed first). */
export async function saveDatasetFiles(files: StoredFiles): Promise<'opfs' | 'indexeddb'> {
  const root = await opfsRoot();
  if (root) {
    try {
      await root.removeEntry(DIRECTORY, { recursive: true }).catch(() => undefined);
      const directory = await root.getDirectoryHandle(DIRECTORY, { create: true });
      for (const [name, bytes] of Object.entries(files)) {
        const handle = await directory.getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        await writable.close();
      }
      return 'opfs';
    } catch {
      // createWritable is missing in some browsers (Safari before 17): fall back to IndexedDB.
      await root.removeEntry(DIRECTORY, { recursive: true }).catch(() => undefined);
    }
  }
  await idbRequest((store) => store.put(files, DIRECTORY), 'readwrite');
  return 'indexeddb';
}

/** The stored files, or null when there is no stored dataset. */
export async function loadDatasetFiles(): Promise<StoredFiles | null> {
  const root = await opfsRoot();
  if (root) {
    try {
      const directory = await root.getDirectoryHandle(DIRECTORY);
      const files: StoredFiles = {};
      for await (const [name, handle] of (directory as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind !== 'file') continue;
        const file = await (handle as FileSystemFileHandle).getFile();
        files[name] = new Uint8Array(await file.arrayBuffer());
      }
      if (Object.keys(files).length > 0) return files;
    } catch {
      // No directory: nothing stored in OPFS; IndexedDB may hold an older save.
    }
  }
  if (typeof indexedDB === 'undefined') return null;
  const stored = await idbRequest((store) => store.get(DIRECTORY) as IDBRequest<StoredFiles | undefined>, 'readonly').catch(() => undefined);
  return stored ?? null;
}

/** Removes the stored dataset from both backends. */
export async function clearDatasetFiles(): Promise<void> {
  const root = await opfsRoot();
  if (root) await root.removeEntry(DIRECTORY, { recursive: true }).catch(() => undefined);
  if (typeof indexedDB !== 'undefined') await idbRequest((store) => store.delete(DIRECTORY), 'readwrite').catch(() => undefined);
}
