package org.mpi4j.buffers;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;
import org.mpi4j.jni.LibMpi;

/**
 * The MPI datatype of an n-dimensional strided view (shape and element strides over one element kind): nested
 * MPI_Type_create_hvector, innermost dimension last, committed, so a non-contiguous array view goes to MPI in place
 * with no copy. Layouts are cached by (element, shape, strides) and live as long as the process: a program touches
 * few distinct view shapes.
 */
public final class StridedLayout implements TypeDescriptor {
    private record Key(ElementType element, long[] shape, long[] strides) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.element == element && Arrays.equals(k.shape, shape) && Arrays.equals(k.strides, strides);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * element.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(strides);
        }
    }

    private static final Map<Key, StridedLayout> CACHE = new ConcurrentHashMap<>();

    private final long handle;
    private final ElementType element;
    private final long size;
    private final long span;

    private StridedLayout(long handle, ElementType element, long size, long span) {
        this.handle = handle;
        this.element = element;
        this.size = size;
        this.span = span;
    }

    /**
     * The layout of a view with {@code shape} whose element (i0, i1, ...) sits at sum(i_k * strides[k]) elements
     * from the first; elements travel in the order of the dimensions given (the last varies fastest).
     *
     * @param element the element type
     * @param shape the shape
     * @param strides the strides of each dimension, in elements
     * @return the layout of a view with {@code shape} whose element (i0, i1, ...) sits at sum(i_k * strides[k]) elements from the first; elements travel in the order of the dimensions given (the last varies fastest)
     */
    public static StridedLayout of(ElementType element, long[] shape, long[] strides) {
        if (shape.length != strides.length) {
            throw new MPIException(ErrorClasses.ERR_ARG, "shape has " + shape.length + " dimensions, strides " + strides.length);
        }
        return CACHE.computeIfAbsent(new Key(element, shape.clone(), strides.clone()), StridedLayout::build);
    }

    private static StridedLayout build(Key k) {
        long es = k.element.size();
        long count = 1;
        long span = es;
        for (int d = 0; d < k.shape.length; d++) {
            if (k.shape[d] <= 0 || k.shape[d] > Integer.MAX_VALUE) {
                throw new MPIException(ErrorClasses.ERR_ARG, "dimension " + d + " has " + k.shape[d] + " elements");
            }
            if (k.strides[d] < 0) {
                throw new MPIException(ErrorClasses.ERR_ARG, "negative stride " + k.strides[d] + " in dimension " + d
                        + " has no MPI datatype here; copy the view with dup() first");
            }
            count *= k.shape[d];
            span += (k.shape[d] - 1) * k.strides[d] * es;
        }
        NativeScratch s = NativeScratch.get();
        long t = k.element.datatype();
        boolean derived = false;
        for (int d = k.shape.length - 1; d >= 0; d--) {
            MPIException.check(LibMpi.MPI_Type_create_hvector((int) k.shape[d], 1, k.strides[d] * es, t, s.address(0)));
            long next = s.getHandle(0);
            if (derived) {
                s.putHandle(0, t);
                MPIException.check(LibMpi.MPI_Type_free(s.address(0)));
            }
            t = next;
            derived = true;
        }
        if (!derived) {
            MPIException.check(LibMpi.MPI_Type_contiguous(1, t, s.address(0)));
            t = s.getHandle(0);
        }
        s.putHandle(0, t);
        MPIException.check(LibMpi.MPI_Type_commit(s.address(0)));
        return new StridedLayout(s.getHandle(0), k.element, count * es, span);
    }

    @Override
    public long handle() {
        return handle;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long extent() {
        return span;
    }

    @Override
    public long trueLowerBound() {
        return 0;
    }

    @Override
    public long trueExtent() {
        return span;
    }

    @Override
    public ElementType elementType() {
        return element;
    }

    @Override
    public void checkUsable() {
        // committed once and never freed
    }
}
