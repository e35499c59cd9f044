package nrw.komman.app.personaldata;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The epoch keys, outside the database files (ADR 20): one file per installation,
 * {@code <key-store>/<installation>.epoch-keys}, each line an epoch id and its AES-256 key wrapped with the
 * master key (AES-GCM, the installation and epoch id as associated data). The per-volunteer keys in the
 * database are wrapped under the current epoch key; destroying an epoch key here makes every copy of the
 * database taken before (pages, dead tuples, WAL, backups) unable to give back the keys wrapped under it.
 *
 * <p>Every change rewrites the whole file atomically (temporary file, fsync, rename, fsync of the directory)
 * under a file lock, so nodes sharing the folder never lose each other's changes and a crash leaves the old
 * or the new file, never half of one. Keys read are cached in memory; a node meeting an epoch it does not
 * know re-reads the file ({@link #key}), and every re-read forgets the keys no longer in the file.
 */
public class EpochKeyStore {

    private static final int NONCE_BYTES = 12;
    private static final String SUFFIX = ".epoch-keys";
    private final Path directory;
    private final Path file;
    private final Path lockFile;
    private final String installation;
    private final SecretKeySpec masterKey;
    private final SecureRandom random = new SecureRandom();
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    private Map<String, byte[]> cache = new HashMap<>();

    public EpochKeyStore(Path directory, String installation, byte[] masterKey) {
        this.directory = directory.toAbsolutePath();
        this.installation = installation;
        this.file = this.directory.resolve(installation + SUFFIX);
        this.lockFile = this.directory.resolve(installation + ".lock");
        this.masterKey = new SecretKeySpec(masterKey, "AES");
        try {
            if (!Files.isDirectory(this.directory)) {
                Files.createDirectories(this.directory);
                ownerOnly(this.directory, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key store " + this.directory, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The epoch's key, from memory or, for an epoch this node has not met yet, from the file. */
    public synchronized Optional<byte[]> key(String epoch) {
        byte[] key = cache.get(epoch);
        if (key == null) {
            reload();
            key = cache.get(epoch);
        }
        return Optional.ofNullable(key);
    }

    /** The epochs in the file now. */
    public synchronized Set<String> epochs() {
        reload();
        return new TreeSet<>(cache.keySet());
    }

    /** Creates a new epoch key and stores it durably before answering its id. */
    public synchronized String create() {
        String epoch = UUID.randomUUID().toString();
        byte[] key = new byte[32];
        random.nextBytes(key);
        change(wrapped -> wrapped.setProperty(epoch, Base64.getEncoder().encodeToString(wrap(epoch, key))));
        return epoch;
    }

    /** Destroys the given epoch keys (those absent are ignored) durably before answering. */
    public synchronized void destroy(Collection<String> epochs) {
        if (epochs.isEmpty()) {
            return;
        }
        change(wrapped -> epochs.forEach(wrapped::remove));
    }

    private interface Change {
        void apply(Properties wrapped);
    }

    private void change(Change change) {
        // a file lock belongs to the JVM: threads of one JVM (several stores on one folder) queue here first
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile, f -> new Object())) {
            changeLocked(change);
        }
    }

    private void changeLocked(Change change) {
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lock.lock()) {
            Properties wrapped = read();
            change.apply(wrapped);
            write(wrapped);
            reload();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the key store " + file, e);
        }
    }

    private Properties read() throws IOException {
        Properties wrapped = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                wrapped.load(in);
            }
        }
        return wrapped;
    }

    private void write(Properties wrapped) throws IOException {
        StringWriter text = new StringWriter();
        text.write("# KOMM-AN epoch keys of installation " + installation + ", wrapped with the master key (ADR 20).\n"
                + "# Keep this file apart from database backups; a destroyed line cannot be brought back.\n");
        for (String epoch : new TreeSet<>(wrapped.stringPropertyNames())) {
            text.write(epoch + "=" + wrapped.getProperty(epoch) + "\n");
        }
        Path temp = directory.resolve(installation + SUFFIX + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ownerOnly(temp, "rw-------");
                out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1)));
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true); // the rename itself survives a power cut
        } catch (IOException notSupported) {
            // some file systems cannot open a directory; the rename is then as durable as they make it
        }
    }

    private void reload() {
        Properties wrapped;
        try {
            wrapped = read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key store " + file, e);
        }
        Map<String, byte[]> keys = new HashMap<>();
        for (String epoch : wrapped.stringPropertyNames()) {
            keys.put(epoch, unwrap(epoch, Base64.getDecoder().decode(wrapped.getProperty(epoch).trim())));
        }
        cache = keys; // epochs destroyed by another node are forgotten here too

    }

    private byte[] associatedData(String epoch) {
        return ("komman-epoch-key:" + installation + ":" + epoch).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] wrap(String epoch, byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, nonce));
            c.updateAAD(associatedData(epoch));
            byte[] ct = c.doFinal(key);
            return ByteBuffer.allocate(NONCE_BYTES + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping an epoch key failed", e);
        }
    }

    private byte[] unwrap(String epoch, byte[] wrapped) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, wrapped, 0, NONCE_BYTES));
            c.updateAAD(associatedData(epoch));
            return c.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the epoch key " + epoch + " in " + file + " does not open with the master key", e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system
        }
    }
}
