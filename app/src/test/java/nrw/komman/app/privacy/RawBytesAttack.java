package nrw.komman.app.privacy;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an attacker does with a copy of the data folder and the master key (ADR 20): reads every file's raw
 * bytes for the markers (UTF-8, ASCII case-folded, UTF-16LE and BE); opens the copied key store with the master
 * key; tries every 60-byte window of every file as a wrapped volunteer key under every epoch key found, with each
 * volunteer id of interest as associated data; and opens every sealed payload found in the files with every key
 * it recovered.
 *
 * <p>The window test is AES-GCM's own tag check written out (one AES block and three GHASH multiplications per
 * window), so that some hundred million windows take seconds, not hours. Windows that a random 60-byte wrapped
 * key is with a probability below 2^-50 are skipped: those holding a run of 8 identical bytes (zero-filled
 * pages) or made of printable ASCII only (text, Base64).
 */
final class RawBytesAttack {

    static final int WRAPPED = 60;
    private static final Pattern SEALED = Pattern.compile("\"ciphertext\"\\s*:\\s*\"([A-Za-z0-9+/=]{40,})\"");

    record MarkerHit(String file, String marker, String encoding) {
    }

    /** Figures of one attack on one copy. */
    static final class Result {
        long files;
        long bytes;
        long windows;
        long windowsSkipped;
        long candidatesTried;
        int epochKeys;
        long payloadsFound;
        final Map<String, Set<String>> keysRecovered = new TreeMap<>();   // subject -> distinct keys (hex)
        final Map<String, Integer> payloadsOpened = new TreeMap<>();      // subject -> payloads opened
        final List<MarkerHit> markers = new ArrayList<>();
        final Map<String, List<String>> recoveredIn = new TreeMap<>();    // subject -> files

        @Override
        public String toString() {
            return String.format("%d files, %,d bytes, %d wrapping keys (the copied key store's epoch keys and the master key), %,d windows (%,d skipped), "
                            + "%,d candidate keys tried, keys recovered %s (in %s), %d sealed payloads found, payloads opened %s, "
                            + "%d marker hit(s)", files, bytes, epochKeys, windows, windowsSkipped, candidatesTried,
                    counts(keysRecovered), recoveredIn, payloadsFound, payloadsOpened, markers.size());
        }

        private static Map<String, Integer> counts(Map<String, Set<String>> keys) {
            Map<String, Integer> c = new TreeMap<>();
            keys.forEach((k, v) -> c.put(k, v.size()));
            return c;
        }
    }

    private RawBytesAttack() {
    }

    /** The epoch keys of a copied key store folder, opened with the master key (as EpochKeyStore wraps them). */
    static List<byte[]> epochKeys(Path keyStore, byte[] masterKey) throws IOException {
        List<byte[]> keys = new ArrayList<>();
        if (!Files.isDirectory(keyStore)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(keyStore)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".epoch-keys")).toList()) {
                String installation = file.getFileName().toString().replace(".epoch-keys", "");
                Properties wrapped = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    wrapped.load(in);
                }
                for (String epoch : wrapped.stringPropertyNames()) {
                    byte[] w = Base64.getDecoder().decode(wrapped.getProperty(epoch).trim());
                    keys.add(gcmOpen(masterKey, ("komman-epoch-key:" + installation + ":" + epoch).getBytes(StandardCharsets.US_ASCII), w));
                }
            }
        }
        return keys;
    }

    static Result attack(Path copy, List<byte[]> wrappingKeys, List<String> subjects, List<String> markers) throws IOException {
        Result result = new Result();
        result.epochKeys = wrappingKeys.size();
        List<Gcm> checks = new ArrayList<>();
        for (byte[] key : wrappingKeys) {
            for (String subject : subjects) {
                checks.add(new Gcm(key, subject));
            }
        }
        List<String> payloads = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(copy)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String name = copy.relativize(file).toString();
            result.files++;
            result.bytes += bytes.length;
            findMarkers(name, bytes, markers, result);
            Matcher m = SEALED.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                payloads.add(m.group(1));
            }
            scanWindows(name, bytes, checks, result);
        }
        result.payloadsFound = payloads.size();
        for (String subject : subjects) {
            int opened = 0;
            for (String hexKey : result.keysRecovered.getOrDefault(subject, Set.of())) {
                byte[] key = HexFormatHolder.parse(hexKey);
                for (String payload : new HashSet<>(payloads)) {
                    byte[] sealed = Base64.getDecoder().decode(payload);
                    try {
                        gcmOpen(key, subject.getBytes(StandardCharsets.US_ASCII), sealed);
                        opened++;
                    } catch (IllegalStateException notThisKey) {
                        // sealed for someone else
                    }
                }
            }
            result.payloadsOpened.put(subject, opened);
        }
        return result;
    }

    private static void findMarkers(String file, byte[] bytes, List<String> markers, Result result) {
        byte[] lower = bytes.clone();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] >= 'A' && lower[i] <= 'Z') {
                lower[i] += 'a' - 'A';
            }
        }
        for (String marker : markers) {
            String m = marker.toLowerCase();
            if (indexOf(lower, m.getBytes(StandardCharsets.UTF_8)) >= 0) {
                result.markers.add(new MarkerHit(file, marker, "UTF-8"));
            }
            if (indexOf(lower, m.getBytes(StandardCharsets.UTF_16LE)) >= 0) {
                result.markers.add(new MarkerHit(file, marker, "UTF-16LE"));
            }
            if (indexOf(lower, m.getBytes(StandardCharsets.UTF_16BE)) >= 0) {
                result.markers.add(new MarkerHit(file, marker, "UTF-16BE"));
            }
        }
    }

    private static void scanWindows(String file, byte[] b, List<Gcm> checks, Result result) {
        if (b.length < WRAPPED) {
            return;
        }
        int same = 0;
        int printable = 0;
        int lastRunEnd = -1; // the last position where a run of 8 identical bytes ended
        for (int e = 0; e < b.length; e++) {
            same = e > 0 && b[e] == b[e - 1] ? same + 1 : 1;
            int c = b[e] & 0xff;
            printable = (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t' ? printable + 1 : 0;
            if (same >= 8) {
                lastRunEnd = e;
            }
            int s = e - WRAPPED + 1;
            if (s < 0) {
                continue;
            }
            result.windows++;
            if (lastRunEnd >= s + 7 || printable >= WRAPPED) {
                result.windowsSkipped++;
                continue;
            }
            for (Gcm check : checks) {
                result.candidatesTried++;
                byte[] key = check.unwrap(b, s);
                if (key != null) {
                    result.keysRecovered.computeIfAbsent(check.subject, k -> new HashSet<>()).add(HexFormatHolder.hex(key));
                    result.recoveredIn.computeIfAbsent(check.subject, k -> new ArrayList<>()).add(file + "@" + s);
                }
            }
        }
    }

    static byte[] gcmOpen(byte[] key, byte[] aad, byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            c.updateAAD(aad);
            return c.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("does not open", e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** AES-GCM's tag check for a 60-byte window (12 nonce, 32 ciphertext, 16 tag) under one key and one subject. */
    static final class Gcm {
        final String subject;
        private final byte[] key;
        private final Cipher aes;
        private final long hHi;
        private final long hLo;
        private final long aHi; // GHASH state after the associated data
        private final long aLo;
        private final byte[] counter = new byte[16];
        private final byte[] block = new byte[16];

        Gcm(byte[] key, String subject) {
            this.subject = subject;
            this.key = key;
            try {
                aes = Cipher.getInstance("AES/ECB/NoPadding");
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
                byte[] h = aes.doFinal(new byte[16]);
                hHi = getLong(h, 0);
                hLo = getLong(h, 8);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            byte[] aad = subject.getBytes(StandardCharsets.US_ASCII);
            long[] x = {0, 0};
            for (int i = 0; i < aad.length; i += 16) {
                byte[] chunk = new byte[16];
                System.arraycopy(aad, i, chunk, 0, Math.min(16, aad.length - i));
                x = mul(x[0] ^ getLong(chunk, 0), x[1] ^ getLong(chunk, 8));
            }
            aHi = x[0];
            aLo = x[1];
            counter[15] = 1;
        }

        /** The key if the window is a key wrapped under this key for this subject, else null. */
        byte[] unwrap(byte[] b, int s) {
            long[] x = mul(aHi ^ getLong(b, s + 12), aLo ^ getLong(b, s + 20));
            x = mul(x[0] ^ getLong(b, s + 28), x[1] ^ getLong(b, s + 36));
            long aadBits = (long) subject.length() * 8;
            x = mul(x[0] ^ aadBits, x[1] ^ 256L);
            System.arraycopy(b, s, counter, 0, 12);
            try {
                aes.doFinal(counter, 0, 16, block, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            if ((x[0] ^ getLong(block, 0)) != getLong(b, s + 44) || (x[1] ^ getLong(block, 8)) != getLong(b, s + 52)) {
                return null;
            }
            byte[] window = new byte[WRAPPED];
            System.arraycopy(b, s, window, 0, WRAPPED);
            return gcmOpen(key, subject.getBytes(StandardCharsets.US_ASCII), window); // the tag matched: decrypt for real
        }

        /** GF(2^128) multiplication by H as GCM defines it (NIST SP 800-38D, algorithm 1). */
        private long[] mul(long xHi, long xLo) {
            long zHi = 0;
            long zLo = 0;
            long vHi = hHi;
            long vLo = hLo;
            for (int i = 0; i < 128; i++) {
                long bit = i < 64 ? (xHi >>> (63 - i)) & 1 : (xLo >>> (127 - i)) & 1;
                if (bit != 0) {
                    zHi ^= vHi;
                    zLo ^= vLo;
                }
                boolean lsb = (vLo & 1) != 0;
                vLo = (vLo >>> 1) | (vHi << 63);
                vHi >>>= 1;
                if (lsb) {
                    vHi ^= 0xE100000000000000L;
                }
            }
            return new long[]{zHi, zLo};
        }
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    static final class HexFormatHolder {
        static String hex(byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }

        static byte[] parse(String s) {
            return java.util.HexFormat.of().parseHex(s);
        }
    }
}
