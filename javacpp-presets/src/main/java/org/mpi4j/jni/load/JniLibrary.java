package org.mpi4j.jni.load;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bytedeco.javacpp.Loader;

/**
 * Loads mpi4j's JNI library from a file named by its content, so a build can never rewrite a library a running JVM
 * has mapped (hand-written; JavaCPP generates only the library itself).
 *
 * <p>Why not JavaCPP's {@code Loader.load()}: it extracts a jar's library to {@code <cache>/<jar file name>/...} and
 * rewrites that file whenever the jar entry's size or time differs. Every checkout builds the same jar name
 * ({@code mpi4j-javacpp-presets-<version>-<mpi>.jar}), so a build in one checkout rewrote the file that JVMs of
 * another checkout were loading or had mapped (seen as a SIGBUS at start-up). Here the library goes to
 * {@code <cache>/mpi4j-jni/<SHA-256 of its bytes>/libjniLibMpi.so}: written once, through a temporary file renamed into
 * place, never opened for writing again; another build's library has another name. {@code -Dmpi4j.jni.loader=javacpp}
 * goes back to JavaCPP's loader.
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
        URL url = cls.getResource(Loader.getPlatform() + "/" + name);
        if (url == null) {
            throw new UnsatisfiedLinkError("no " + name + " for " + Loader.getPlatform() + " beside " + cls.getName()
                    + " (was mpi4j built for this platform?)");
        }
        try {
            File f = cachedCopy(url, new File(Loader.getCacheDir(), "mpi4j-jni"));
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
     * The content-named copy of the library at {@code url} under {@code root}: {@code root/<sha256>/<file name>},
     * written (through a temporary file in the same folder and an atomic rename) only when it is not there yet. An
     * existing copy is never opened for writing, so a JVM that mapped it keeps intact memory whatever builds do.
     *
     * @param url the library as a resource (in a jar or a folder)
     * @param root the folder that holds one folder per library content
     * @return the copy
     * @throws IOException when the resource cannot be read or the copy not written
     */
    public static File cachedCopy(URL url, File root) throws IOException {
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        }
        String path = url.getPath();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        Path dir = root.toPath().resolve(sha256(bytes));
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return target.toFile();
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

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
