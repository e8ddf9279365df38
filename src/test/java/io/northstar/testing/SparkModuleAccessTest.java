package io.northstar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/**
 * Spark spills a cached block to disk through Kryo when memory runs short, and Kryo reaches into
 * java.nio and java.lang.invoke: without the pom's --add-opens a test failed only on a day the
 * test JVM's memory filled up (JdbcSourceTest, 2026-12-06).
 */
class SparkModuleAccessTest {

    @Test
    void kryoCanSerialiseInTheTestJvm() {
        ByteBuffer bytes = new KryoSerializer(new SparkConf()).newInstance()
                .serialize("spilled", ClassTag$.MODULE$.apply(String.class));
        assertThat(bytes.remaining()).isPositive();
    }
}
