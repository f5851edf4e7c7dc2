package io.wirestream.benchmarks.dedup;

import io.wirestream.dedup.ByteStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * A {@link ByteStore} on RocksDB configured like a Kafka Streams persistent key-value store
 * (no compression, write-ahead log off, bloom filters, 4 KB blocks, 50 MB block cache), so that the
 * benchmark reads and writes what the streaming stage's stores hold, where they hold it.
 */
final class RocksDbByteStore implements ByteStore, AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final LRUCache cache = new LRUCache(50L * 1024 * 1024);
    private final Options options;
    private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
    private final RocksDB db;

    RocksDbByteStore(Path dir) {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setBlockSize(4096L)
                .setFilterPolicy(new BloomFilter());
        options = new Options().setCreateIfMissing(true)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setTableFormatConfig(table);
        try {
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open RocksDB in " + dir, e);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        try {
            db.put(writeOptions, key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void delete(byte[] key) {
        try {
            db.delete(writeOptions, key);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int rewriteAll(BiFunction<byte[], byte[], byte[]> rewrite) {
        List<Change> changes = new ArrayList<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] value = it.value();
                byte[] updated = rewrite.apply(it.key(), value);
                if (updated != value) {
                    changes.add(new Change(it.key(), updated));
                }
            }
        }
        apply(changes);
        return changes.size();
    }

    /** @return number of keys and the sum of key and value lengths, by a full scan */
    long[] keysAndPayloadBytes() {
        long keys = 0;
        long bytes = 0;
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                keys++;
                bytes += it.key().length + it.value().length;
            }
        }
        return new long[] {keys, bytes};
    }

    /** Flushes the memtable and compacts, then returns the size of the SST files on disk. */
    long compactedDiskBytes() {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
            db.compactRange();
            return db.getLongProperty("rocksdb.total-sst-files-size");
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
        options.close();
        writeOptions.close();
        cache.close();
    }
}
