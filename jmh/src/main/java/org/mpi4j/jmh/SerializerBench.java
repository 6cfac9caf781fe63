package org.mpi4j.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mpi4j.AllowList;
import org.mpi4j.JdkSerializer;
import org.mpi4j.KryoSerializer;
import org.mpi4j.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chooses the object path's default serializer: a serialize + deserialize round trip of the payloads (a
 * small map, a list of 100 000 doubles) with Kryo behind the allow-list against JDK serialization with an
 * ObjectInputFilter. Single process; the MPI transport is measured by the ping-pong benchmarks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerializerBench {
    /** Which serializer. */
    @Param({"kryo", "jdk"})
    public String serializer;

    /** Which payload. */
    @Param({"smallMap", "doubles100k"})
    public String payload;

    private Serializer s;
    private Object value;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

    /** Builds the serializer and payload. */
    @Setup
    public void setup() {
        AllowList allow = AllowList.defaults();
        s = serializer.equals("kryo") ? new KryoSerializer(allow) : new JdkSerializer(allow);
        if (payload.equals("smallMap")) {
            Map<String, Object> m = new HashMap<>();
            m.put("a", 7);
            m.put("b", 3.14);
            value = m;
        } else {
            List<Double> l = new ArrayList<>(100_000);
            for (int i = 0; i < 100_000; i++) {
                l.add(i * 0.5);
            }
            value = l;
        }
    }

    /** One round trip: bytes out and the object back. */
    @Benchmark
    public Object roundTrip() throws IOException {
        out.reset();
        s.serialize(value, out);
        return s.deserialize(new ByteArrayInputStream(out.toByteArray()));
    }
}
