package org.carepath.local.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local wire server's data: every collection in memory, each document as its {@link StoredForm} bytes, and on
 * disk an append-only journal of changes beside the latest snapshot.
 *
 * <p>Why not H2 (the store before): H2 rewrites a changed B-tree page whole, its index pages too, and compacts its file
 * in the background. At 100,000 episodes its file held ~85 KiB per episode, mostly pages already replaced, and its
 * compaction kept both cores busy with no load at all. Here a change costs one encoding of the document that changed
 * and one append; nothing runs while nothing changes.
 *
 * <p>Files, in the store's folder: {@code journal-N.log} and {@code snapshot-N.bin}. Snapshot N holds the state at
 * the moment journal N was begun, or later; journals N and up, replayed in order over it, give the state at the last
 * change. Once the journal since the last snapshot outgrows twice the data (and {@code minCompactBytes}), so that
 * snapshots cost at most half a byte written for each byte of change and the files stay within about three times
 * the data, the journal is rotated and a new snapshot is written by one background thread while writes go on; when
 * it is complete (written to a temporary file, synced, renamed), the older files are deleted. The snapshot reads the
 * live maps without stopping writers: a document changed meanwhile is in the new journal too, and replaying that
 * journal over the snapshot sets it right, as every record sets a key's whole value.
 *
 * <p>Durability: each change is written to the journal (the operating system's cache) before it is applied and
 * answered, so it survives the process being killed; it is not synced to the disk one by one (as H2 did not either).
 * A record cut off by a crash is recognised by its checksum and dropped at the next start.
 */
public final class LogStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogStore.class);

    /** Journals under this size are never compacted: a snapshot of a small store would be written too often. */
    public static final long MIN_COMPACT_BYTES = 64L * 1024 * 1024;

    private static final Pattern FILE = Pattern.compile("(journal|snapshot)-(\\d{12})\\.(log|bin)");

    private final Path folder;
    private final long minCompactBytes;
    private final Map<String, ConcurrentMap<Object, byte[]>> collections = new ConcurrentHashMap<>();
    private final AtomicLong liveBytes = new AtomicLong();
    private final ReentrantLock writes = new ReentrantLock();
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carepath-store-compactor");
        thread.setDaemon(true);
        return thread;
    });

    // guarded by writes
    private FileChannel journal;
    private long journalNumber;
    private long journalBytesSinceRotation;
    private boolean compacting;
    private boolean closed;

    private LogStore(Path folder, long minCompactBytes) {
        this.folder = folder;
        this.minCompactBytes = minCompactBytes;
    }

    /** Opens the store in {@code folder} (created when absent), reading back everything it holds. */
    public static LogStore open(Path folder, long minCompactBytes) {
        LogStore store = new LogStore(folder, minCompactBytes);
        try {
            Files.createDirectories(folder);
            store.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the store in " + folder, e);
        }
        return store;
    }

    /**
     * The documents of one collection ({@code database.collection}), by position, in no order (a sorted map's key
     * comparisons were a twentieth of the wire server's time); created empty when new.
     */
    ConcurrentMap<Object, byte[]> collection(String namespace) {
        return collections.computeIfAbsent(namespace, name -> new ConcurrentHashMap<>());
    }

    /** The databases that hold at least one collection. */
    Set<String> databaseNames() {
        Set<String> names = new TreeSet<>();
        for (String namespace : collections.keySet()) {
            names.add(namespace.substring(0, namespace.indexOf('.')));
        }
        return names;
    }

    void put(String namespace, Object key, byte[] document) {
        StoreRecord record = StoreRecord.put(namespace, StoredForm.key(key), document);
        ConcurrentMap<Object, byte[]> documents = collection(namespace);
        change(record, () -> {
            byte[] previous = documents.put(key, document);
            liveBytes.addAndGet(document.length - (previous == null ? 0 : previous.length));
        });
    }

    void delete(String namespace, Object key) {
        StoreRecord record = StoreRecord.delete(namespace, StoredForm.key(key));
        ConcurrentMap<Object, byte[]> documents = collection(namespace);
        change(record, () -> {
            byte[] previous = documents.remove(key);
            if (previous != null) {
                liveBytes.addAndGet(-previous.length);
            }
        });
    }

    void dropCollection(String namespace) {
        change(StoreRecord.dropCollection(namespace), () -> forget(namespace));
    }

    /** What the store's files take on disk. */
    public long diskBytes() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The bytes of every document held. */
    public long liveBytes() {
        return liveBytes.get();
    }

    /** Waits for a snapshot being written, then closes the journal, synced to disk. */
    @Override
    public void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writes.lock();
        try {
            if (!closed) {
                closed = true;
                journal.force(true);
                journal.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal in " + folder, e);
        } finally {
            writes.unlock();
        }
    }

    /** Written to the journal first, so a change that cannot be written is not applied either. */
    private void change(StoreRecord record, Runnable apply) {
        ByteBuffer bytes = record.encoded();
        writes.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            int size = bytes.remaining();
            while (bytes.hasRemaining()) {
                journal.write(bytes);
            }
            apply.run();
            journalBytesSinceRotation += size;
            if (!compacting && journalBytesSinceRotation > Math.max(minCompactBytes, 2 * liveBytes.get())) {
                rotateAndSnapshot();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal in " + folder, e);
        } finally {
            writes.unlock();
        }
    }

    private void rotateAndSnapshot() throws IOException {
        long snapshotNumber = journalNumber + 1;
        startJournal(snapshotNumber);
        compacting = true;
        compactor.execute(() -> {
            try {
                writeSnapshot(snapshotNumber);
                deleteFilesBefore(snapshotNumber);
            } catch (IOException | RuntimeException e) {
                log.error("The store's snapshot {} failed; its journals are kept", snapshotNumber, e);
            } finally {
                writes.lock();
                try {
                    compacting = false;
                } finally {
                    writes.unlock();
                }
            }
        });
    }

    private void startJournal(long number) throws IOException {
        if (journal != null) {
            journal.close();
        }
        journal = FileChannel.open(
                journalFile(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        journalNumber = number;
        journalBytesSinceRotation = 0;
    }

    private void writeSnapshot(long number) throws IOException {
        long started = System.nanoTime();
        Path temporary = folder.resolve("snapshot-" + digits(number) + ".tmp");
        long records = 0;
        try (FileChannel channel = FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20)) {
            for (Map.Entry<String, ConcurrentMap<Object, byte[]>> collection : collections.entrySet()) {
                for (Map.Entry<Object, byte[]> document : collection.getValue().entrySet()) {
                    write(
                            out,
                            StoreRecord.put(
                                    collection.getKey(), StoredForm.key(document.getKey()), document.getValue()));
                    records++;
                }
            }
            write(out, StoreRecord.end());
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, snapshotFile(number), StandardCopyOption.ATOMIC_MOVE);
        log.info(
                "Store snapshot {}: {} documents in {} ms",
                number,
                records,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void write(OutputStream out, StoreRecord record) throws IOException {
        ByteBuffer bytes = record.encoded();
        out.write(bytes.array(), 0, bytes.limit());
    }

    private void recover() throws IOException {
        long started = System.nanoTime();
        TreeSet<Long> snapshots = new TreeSet<>();
        TreeSet<Long> journals = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    (name.group(1).equals("journal") ? journals : snapshots).add(Long.parseLong(name.group(2)));
                } else if (file.getFileName().toString().endsWith(".tmp")) {
                    Files.delete(file); // a snapshot a crash cut off; the journals before it are still there
                }
            }
        }
        long base = snapshots.isEmpty() ? 0 : snapshots.last();
        if (base > 0) {
            readSnapshot(snapshotFile(base));
        }
        List<Long> toReplay = journals.tailSet(base, true).stream().toList();
        for (Long number : toReplay) {
            replay(journalFile(number), number.equals(journals.last()));
        }
        deleteFilesBefore(base);
        long last = Math.max(base, journals.isEmpty() ? 0 : journals.last());
        writes.lock();
        try {
            startJournal(last + 1);
        } finally {
            writes.unlock();
        }
        log.info(
                "Store read in {} ms from {}: {} collections, {} MB of documents",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                folder,
                collections.size(),
                liveBytes.get() / (1024 * 1024));
    }

    private void readSnapshot(Path file) throws IOException {
        long length = Files.size(file);
        try (DataInputStream in = input(file)) {
            long read = 0;
            StoreRecord record;
            while ((record = StoreRecord.read(in, length - read)) != null) {
                read += record.size();
                if (record.op() == StoreRecord.Op.END) {
                    return;
                }
                apply(record);
            }
        }
        throw new IllegalStateException("the store's snapshot " + file + " is incomplete");
    }

    /** Applies a journal; only the last one may end in a record cut off by a crash, which is then cut away. */
    private void replay(Path file, boolean last) throws IOException {
        long length = Files.size(file);
        long read = 0;
        try (DataInputStream in = input(file)) {
            StoreRecord record;
            while ((record = StoreRecord.read(in, length - read)) != null) {
                read += record.size();
                apply(record);
            }
        }
        if (read < length) {
            if (!last) {
                throw new IllegalStateException("the store's journal " + file + " is damaged at byte " + read);
            }
            log.warn(
                    "The store's journal {} ended in a write cut off by a crash: {} bytes dropped",
                    file,
                    length - read);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(read);
            }
        }
    }

    private void apply(StoreRecord record) {
        switch (record.op()) {
            case PUT -> {
                byte[] previous = collection(record.namespace()).put(StoredForm.key(record.key()), record.value());
                liveBytes.addAndGet(record.value().length - (previous == null ? 0 : previous.length));
            }
            case DELETE -> {
                byte[] previous = collection(record.namespace()).remove(StoredForm.key(record.key()));
                if (previous != null) {
                    liveBytes.addAndGet(-previous.length);
                }
            }
            case DROP_COLLECTION -> forget(record.namespace());
            case END -> throw new IllegalStateException("a snapshot's end inside a journal");
        }
    }

    private void forget(String namespace) {
        ConcurrentMap<Object, byte[]> documents = collections.remove(namespace);
        if (documents != null) {
            liveBytes.addAndGet(-documents.values().stream()
                    .mapToLong(bytes -> bytes.length)
                    .sum());
        }
    }

    private void deleteFilesBefore(long number) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches() && Long.parseLong(name.group(2)) < number) {
                    Files.delete(file);
                }
            }
        }
    }

    private static DataInputStream input(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(in, 1 << 20));
    }

    private Path journalFile(long number) {
        return folder.resolve("journal-" + digits(number) + ".log");
    }

    private Path snapshotFile(long number) {
        return folder.resolve("snapshot-" + digits(number) + ".bin");
    }

    private static String digits(long number) {
        return String.format("%012d", number);
    }
}
