package org.mpi4j.jni.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.mpi4j.jni.LibMpi;

/**
 * Issue 17: two builds of the same version (two checkouts) share JavaCPP's cache folder, and a build rewrote the JNI
 * library a running JVM had mapped. The library is now loaded from a file named by its content, which no build
 * opens for writing again: these tests load the real library, place "another build's" library beside it and check
 * that the loaded file keeps its inode, time and bytes while the loaded natives keep working. The last test shows the
 * hazard with JavaCPP's own cache: two jars of the same name land on one path, the second rewriting the first.
 */
class JniLibraryTest {
    private static byte[] resourceBytes() throws Exception {
        URL u = LibMpi.class.getResource(Loader.getPlatform() + "/" + System.mapLibraryName("jniLibMpi"));
        try (InputStream in = u.openStream()) {
            return in.readAllBytes();
        }
    }

    private static Object fileKey(File f) throws Exception {
        return Files.readAttributes(f.toPath(), BasicFileAttributes.class).fileKey();
    }

    /** A folder laid out as a classpath entry holding {@code bytes} as the library resource; returns its URL. */
    private static URL otherBuild(Path root, byte[] bytes) throws Exception {
        Path lib = root.resolve("org/mpi4j/jni/" + Loader.getPlatform() + "/" + System.mapLibraryName("jniLibMpi"));
        Files.createDirectories(lib.getParent());
        Files.write(lib, bytes);
        return lib.toUri().toURL();
    }

    @Test
    void theLoadedLibraryIsTheContentNamedCopyAndAnotherBuildDoesNotTouchIt() throws Exception {
        assertEquals(8, LibMpi.sizeofLong(), "a native of the loaded library answers");
        File loaded = JniLibrary.loadedFrom();
        byte[] mine = resourceBytes();
        assertEquals(new File(new File(new File(Loader.getCacheDir(), "mpi4j-jni"), JniLibrary.contentKey(mine)),
                System.mapLibraryName("jniLibMpi")), loaded);
        assertArrayEquals(mine, Files.readAllBytes(loaded.toPath()));
        Object key = fileKey(loaded);
        long time = loaded.lastModified();

        // another checkout's build: other bytes under the same resource name
        Path dir = Files.createTempDirectory("mpi4j-otherbuild-");
        try {
            byte[] theirs = Arrays.copyOf(mine, mine.length + 1);
            File other = JniLibrary.cachedCopy(otherBuild(dir, theirs), new File(Loader.getCacheDir(), "mpi4j-jni"));
            assertNotEquals(loaded, other, "another build's library gets its own file");
            assertArrayEquals(theirs, Files.readAllBytes(other.toPath()));
            assertEquals(key, fileKey(loaded), "the loaded file was not replaced");
            assertEquals(time, loaded.lastModified(), "nor written");
            assertArrayEquals(mine, Files.readAllBytes(loaded.toPath()));
            assertEquals(8, LibMpi.sizeofLong(), "the loaded natives still work");
            Files.delete(other.toPath());
            Files.delete(other.getParentFile().toPath());

            // the same build again (a rebuild with equal bytes, or the next rank): the same file, left alone
            File again = JniLibrary.cachedCopy(LibMpi.class.getResource(Loader.getPlatform() + "/" + System.mapLibraryName("jniLibMpi")),
                    new File(Loader.getCacheDir(), "mpi4j-jni"));
            assertEquals(loaded, again);
            assertEquals(key, fileKey(loaded));
            assertEquals(time, loaded.lastModified());
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void ranksStartingTogetherPlaceOneCompleteCopy() throws Exception {
        Path root = Files.createTempDirectory("mpi4j-jni-root-");
        Path dir = Files.createTempDirectory("mpi4j-build-");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            byte[] bytes = Arrays.copyOf(resourceBytes(), 300_000);
            URL url = otherBuild(dir, bytes);
            List<Future<File>> all = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                all.add(pool.submit(() -> JniLibrary.cachedCopy(url, root.toFile())));
            }
            Set<File> got = new HashSet<>();
            for (Future<File> f : all) {
                got.add(f.get());
            }
            assertEquals(1, got.size(), "one path for one content: " + got);
            File f = got.iterator().next();
            assertArrayEquals(bytes, Files.readAllBytes(f.toPath()));
            try (var s = Files.list(f.getParentFile().toPath())) {
                assertEquals(List.of(f.toPath()), s.toList(), "no temporary file is left");
            }
        } finally {
            pool.shutdownNow();
            deleteTree(root);
            deleteTree(dir);
        }
    }

    /** Why: JavaCPP caches a jar's library under the jar's file name, so two builds of one version share one path. */
    @Test
    void javacppsOwnCacheWouldRewriteOneFileForTwoBuilds() throws Exception {
        Path a = Files.createTempDirectory("mpi4j-checkout-a-");
        Path b = Files.createTempDirectory("mpi4j-checkout-b-");
        String jarName = "mpi4j-cache-hazard-" + ProcessHandle.current().pid() + ".jar";
        String entry = "org/mpi4j/jni/" + Loader.getPlatform() + "/libhazard.so";
        try {
            URL ua = jar(a.resolve(jarName), entry, new byte[] {1, 2, 3});
            URL ub = jar(b.resolve(jarName), entry, new byte[] {4, 5, 6, 7});
            File fa = Loader.cacheResource(ua);
            byte[] before = Files.readAllBytes(fa.toPath());
            File fb = Loader.cacheResource(ub);
            assertEquals(fa.getCanonicalFile(), fb.getCanonicalFile(), "one cache path for both builds");
            assertArrayEquals(new byte[] {1, 2, 3}, before);
            assertArrayEquals(new byte[] {4, 5, 6, 7}, Files.readAllBytes(fa.toPath()), "the second build rewrote the first's file");
            deleteTree(new File(Loader.getCacheDir(), jarName).toPath());
        } finally {
            deleteTree(a);
            deleteTree(b);
        }
    }

    private static URL jar(Path jar, String entry, byte[] bytes) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(bytes);
            out.closeEntry();
        }
        assertTrue(Files.size(jar) > 0);
        return new URL("jar:" + jar.toUri() + "!/" + entry);
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
