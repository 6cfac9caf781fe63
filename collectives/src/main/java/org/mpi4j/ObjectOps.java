package org.mpi4j;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.Map;

/** The predefined reduction ops applied to Java objects (the object path's reduce, allreduce, scan, exscan). */
final class ObjectOps {
    private ObjectOps() { }

    static Object apply(Op op, Object a, Object b) {
        if (a == null || b == null) {
            throw new MPIException(ErrorClasses.ERR_OP, op + " cannot combine null values");
        }
        if (op == Op.MAXLOC || op == Op.MINLOC) {
            return loc(op == Op.MAXLOC, a, b);
        }
        if (op == Op.LAND || op == Op.LOR || op == Op.LXOR) {
            boolean x = truth(a);
            boolean y = truth(b);
            return op == Op.LAND ? x && y : op == Op.LOR ? x || y : x ^ y;
        }
        if (op == Op.REPLACE) {
            return b;
        }
        if (op == Op.NO_OP) {
            return a;
        }
        if (a instanceof Boolean && b instanceof Boolean && (op == Op.BAND || op == Op.BOR || op == Op.BXOR)) {
            boolean x = (Boolean) a;
            boolean y = (Boolean) b;
            return op == Op.BAND ? x & y : op == Op.BOR ? x | y : x ^ y;
        }
        if (!(a instanceof Number) || !(b instanceof Number)) {
            throw new MPIException(ErrorClasses.ERR_OP, op + " needs numbers, got " + a.getClass().getName() + " and "
                    + b.getClass().getName());
        }
        if (op == Op.MAX || op == Op.MIN) {
            int c = compare(a, b);
            return (op == Op.MAX ? c >= 0 : c <= 0) ? a : b;
        }
        Number x = (Number) a;
        Number y = (Number) b;
        if (x instanceof BigDecimal || y instanceof BigDecimal) {
            BigDecimal p = Op.dec(x);
            BigDecimal q = Op.dec(y);
            if (op == Op.SUM) {
                return p.add(q);
            }
            if (op == Op.PROD) {
                return p.multiply(q);
            }
        } else if (isFloating(x) || isFloating(y)) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            double r = op == Op.SUM ? p + q : op == Op.PROD ? p * q : Double.NaN;
            if (op == Op.SUM || op == Op.PROD) {
                return x instanceof Float && y instanceof Float ? (Object) (float) r : (Object) r;
            }
        } else if (x instanceof BigInteger || y instanceof BigInteger) {
            BigInteger p = Op.big(x);
            BigInteger q = Op.big(y);
            if (op == Op.SUM) {
                return p.add(q);
            }
            if (op == Op.PROD) {
                return p.multiply(q);
            }
            if (op == Op.BAND) {
                return p.and(q);
            }
            if (op == Op.BOR) {
                return p.or(q);
            }
            if (op == Op.BXOR) {
                return p.xor(q);
            }
        } else {
            long p = x.longValue();
            long q = y.longValue();
            long r;
            if (op == Op.SUM) {
                r = p + q;
            } else if (op == Op.PROD) {
                r = p * q;
            } else if (op == Op.BAND) {
                r = p & q;
            } else if (op == Op.BOR) {
                r = p | q;
            } else if (op == Op.BXOR) {
                r = p ^ q;
            } else {
                throw unsupported(op, a);
            }
            return narrow(r, x, y);
        }
        throw unsupported(op, a);
    }

    private static MPIException unsupported(Op op, Object a) {
        return new MPIException(ErrorClasses.ERR_OP, op + " is not defined on " + a.getClass().getName());
    }

    /** Keeps the narrowest common boxed type of the operands (Integer + Integer stays Integer). */
    private static Object narrow(long r, Number x, Number y) {
        if (x instanceof Long || y instanceof Long) {
            return r;
        }
        if (x instanceof Integer || y instanceof Integer) {
            return (int) r;
        }
        if (x instanceof Short || y instanceof Short) {
            return (short) r;
        }
        if (x instanceof Byte && y instanceof Byte) {
            return (byte) r;
        }
        return r;
    }

    private static boolean isFloating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        Number x = (Number) a;
        Number y = (Number) b;
        if (isFloating(x) || isFloating(y)) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return Op.big(x).compareTo(Op.big(y));
    }

    private static boolean truth(Object o) {
        if (o instanceof Boolean bo) {
            return bo;
        }
        if (o instanceof Number n) {
            return n.doubleValue() != 0;
        }
        throw new MPIException(ErrorClasses.ERR_OP, "logical op needs Boolean or numbers, got " + o.getClass().getName());
    }

    /** MAXLOC/MINLOC on (value, location) entries: ties take the lower location, as MPI defines. */
    private static Object loc(boolean max, Object a, Object b) {
        if (!(a instanceof Map.Entry<?, ?> x) || !(b instanceof Map.Entry<?, ?> y)) {
            throw new MPIException(ErrorClasses.ERR_OP, (max ? "MAXLOC" : "MINLOC")
                    + " on objects needs Map.Entry(value, location) pairs");
        }
        int c = compare(x.getKey(), y.getKey());
        if (c == 0) {
            Object la = x.getValue();
            Object lb = y.getValue();
            return compare(la, lb) <= 0 ? new AbstractMap.SimpleImmutableEntry<>(x.getKey(), la)
                    : new AbstractMap.SimpleImmutableEntry<>(y.getKey(), lb);
        }
        return (max ? c > 0 : c < 0) ? x : y;
    }
}
