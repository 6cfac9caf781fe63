package org.mpi4j.jni.load;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.bytedeco.javacpp.Loader;

/**
 * Loads mpi4j's JNI library from a file named by its content, so a build can never rewrite a library a running JVM
 * has mapped (hand-written; JavaCPP generates only the library itself).
 *
 * <p>Why not JavaCPP's {@code Loader.load()}: it extracts a jar's library to {@code <cache>/<jar file name>/...} and
 * rewrites that file whenever the jar entry's size or time differs. Every checkout builds the same jar name
 * ({@code mpi4j-javacpp-presets-<version>-<mpi>.jar}), so a build in one checkout rewrote the file that JVMs of
 * another checkout were loading or had mapped (seen as a SIGBUS at start-up). Here the library goes to
 * {@code <cache>/mpi4j-jni/<CRC-32 and size of its bytes>/libjniLibMpi.so}: written once, through a temporary file renamed into
 * place, never opened for writing again; another build's library has another name. From a jar, the CRC-32 and size
 * are the jar entry's own (its central directory has them), so a start-up whose copy is in place reads none of the
 * library's bytes and hashes nothing (a SHA-256 here cost every rank ~15-20 ms of start-up: the security providers
 * and a compiled digest loop). {@code -Dmpi4j.jni.loader=javacpp} goes back to JavaCPP's loader.
 */
public final class JniLibrary {
    private JniLibrary() { }

    /** The file the library was loaded from in this JVM (null before {@link #load}, or with JavaCPP's loader). */
    private static volatile File loadedFrom;

    /** The file {@link #load} loaded the library of this JVM from; null with {@code -Dmpi4j.jni.loader=javacpp}. */
    public static File loadedFrom() {
        return loadedFrom;
    }

    /**
     * Loads the JNI library of {@code cls} (a JavaCPP-built class whose library {@code jni<SimpleName>} sits beside it
     * as a resource under the platform's folder) from its content-named copy in JavaCPP's cache folder.
     *
     * @param cls the class whose natives the library holds
     */
    public static synchronized void load(Class<?> cls) {
        if ("javacpp".equals(System.getProperty("mpi4j.jni.loader"))) {
            Loader.load(cls);
            return;
        }
        String name = System.mapLibraryName("jni" + cls.getSimpleName());
        String platform = platform();
        URL url = cls.getResource(platform + "/" + name);
        if (url == null) {
            throw new UnsatisfiedLinkError("no " + name + " for " + platform + " beside " + cls.getName()
                    + " (was mpi4j built for this platform?)");
        }
        try {
            File f = cachedCopy(url, new File(cacheDir(), "mpi4j-jni"));
            System.load(f.getAbsolutePath());
            loadedFrom = f;
        } catch (IOException e) {
            UnsatisfiedLinkError u = new UnsatisfiedLinkError("cannot place " + url + " in JavaCPP's cache folder: " + e
                    + " (set -Dorg.bytedeco.javacpp.cachedir to a writable folder)");
            u.initCause(e);
            throw u;
        }
    }

    /**
     * JavaCPP's platform name, without initialising JavaCPP's {@code Loader} on the one platform mpi4j is built for:
     * its class initialisation (platform detection, properties, annotation proxies) cost every rank ~40 ms of CPU at
     * start-up, more than half of what the JVM itself takes.
     */
    static String platform() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x86_64";
        }
        return Loader.getPlatform();
    }

    /**
     * JavaCPP's cache folder ({@code -Dorg.bytedeco.javacpp.cachedir}, else {@code ~/.javacpp/cache}), or, when that
     * cannot be made, the one JavaCPP's {@code Loader} picks (it falls back to a temporary folder).
     */
    static File cacheDir() {
        String dir = System.getProperty("org.bytedeco.javacpp.cachedir");
        File f = dir != null && !dir.isBlank() ? new File(dir)
                : new File(System.getProperty("user.home"), ".javacpp" + File.separator + "cache");
        if ((f.isDirectory() || f.mkdirs()) && f.canWrite()) {
            return f;
        }
        try {
            return Loader.getCacheDir();
        } catch (IOException e) {
            return f;
        }
    }

    /**
     * The content-named copy of the library at {@code url} under {@code root}: {@code root/<key>/<file name>}, where
     * key is {@link #contentKey} of its bytes, written (through a temporary file in the same folder and an atomic
     * rename) only when it is not there yet. An existing copy is never opened for writing, so a JVM that mapped it keeps
     * intact memory whatever builds do.
     *
     * @param url the library as a resource (in a jar or a folder)
     * @param root the folder that holds one folder per library content
     * @return the copy
     * @throws IOException when the resource cannot be read or the copy not written
     */
    public static File cachedCopy(URL url, File root) throws IOException {
        String path = url.getPath();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        byte[] bytes = null;
        String key = null;
        long size = -1;
        java.net.URLConnection conn = url.openConnection();
        if (conn instanceof java.net.JarURLConnection jar) {
            java.util.jar.JarEntry e = jar.getJarEntry();
            if (e.getCrc() != -1 && e.getSize() >= 0) {
                size = e.getSize();
                key = contentKey(e.getCrc(), size);
            }
        }
        if (key == null) {
            try (InputStream in = conn.getInputStream()) {
                bytes = in.readAllBytes();
            }
            size = bytes.length;
            key = contentKey(bytes);
        } else if (!conn.getUseCaches()) {
            ((java.net.JarURLConnection) conn).getJarFile().close();   // a private JarFile: not left open
        }
        Path dir = root.toPath().resolve(key);
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return target.toFile();
        }
        if (bytes == null) {
            try (InputStream in = url.openStream()) {
                bytes = in.readAllBytes();
            }
            if (!key.equals(contentKey(bytes))) {
                throw new IOException(url + " does not hold what its jar entry says (CRC-32 and size " + key + ")");
            }
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, fileName, ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                // createTempFile made it private to this user; a shared cache folder needs it readable by all
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            // another JVM may have placed the same bytes meanwhile: replacing them by a rename leaves its mapping alone
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target.toFile();
    }

    /**
     * The name of the folder that holds a library with these bytes: their CRC-32 (8 hex digits) and their size.
     *
     * @param bytes the library's bytes
     * @return {@code <crc32 hex>-<size>}
     */
    public static String contentKey(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return contentKey(crc.getValue(), bytes.length);
    }

    private static String contentKey(long crc, long size) {
        // neither String.format (its locale machinery) nor + (the first indy string concatenation of the JVM boots
        // method-handle species): each cost start-up ~10-20 ms here
        String hex = Long.toHexString(crc);
        return new StringBuilder(24).append("00000000", hex.length(), 8).append(hex).append('-').append(size).toString();
    }
}
