package jp.oqs.devtools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerHistogramTest {

    private static final String BEFORE = """
            # TYPE oqs_lookup_duration_buckets_total counter
            oqs_lookup_duration_buckets_total{le="0.001",method="card",mp_scope="application"} 10.0
            oqs_lookup_duration_buckets_total{le="+Inf",method="card",mp_scope="application"} 20.0
            oqs_lookup_duration_buckets_total{le="0.01",method="card",mp_scope="application"} 20.0
            oqs_lookup_duration_buckets_total{le="0.01",method="certificate",mp_scope="application"} 7.0
            oqs_lookup_duration_buckets_total{le="0.02",method="card",mp_scope="application"} 20.0
            oqs_lookup_duration_seconds_count{method="card",mp_scope="application"} 20.0
            """;
    private static final String AFTER = """
            oqs_lookup_duration_buckets_total{le="0.001",method="card",mp_scope="application"} 10.0
            oqs_lookup_duration_buckets_total{le="0.01",method="card",mp_scope="application"} 120.0
            oqs_lookup_duration_buckets_total{le="0.02",method="card",mp_scope="application"} 218.0
            oqs_lookup_duration_buckets_total{le="+Inf",method="card",mp_scope="application"} 220.0
            oqs_lookup_duration_buckets_total{le="0.01",method="certificate",mp_scope="application"} 9.0
            """;

    @Test
    void quantilesOfWhatWasCountedBetweenTwoScrapesAsPrometheusEstimatesThem() {
        Map<String, String> card = Map.of("method", "card");
        ServerHistogram run = ServerHistogram.parse(AFTER, "oqs_lookup_duration_buckets_total", card)
                .since(ServerHistogram.parse(BEFORE, "oqs_lookup_duration_buckets_total", card));
        assertEquals(200, run.count());
        // 100 in (1 ms, 10 ms], 98 in (10 ms, 20 ms], 2 past 20 ms
        assertEquals(5.5, run.quantileMillis(0.25), 1e-9, "rank 50 of the 100 in (1, 10]: linear from 1 ms");
        assertEquals(10, run.quantileMillis(0.5), 1e-9, "rank 100: the top of (1, 10]");
        assertEquals(10 + 10 * 80.0 / 98, run.quantileMillis(0.9), 1e-9);
        assertEquals(20, run.quantileMillis(0.995), 1e-9, "in +Inf: the widest finite bound");
    }

    @Test
    void nothingCountedOrNoSuchSeriesIsNotANumber() {
        assertTrue(Double.isNaN(ServerHistogram.parse(BEFORE, "oqs_lookup_duration_buckets_total",
                Map.of("method", "card")).since(ServerHistogram.parse(BEFORE, "oqs_lookup_duration_buckets_total",
                Map.of("method", "card"))).quantileMillis(0.99)));
        assertTrue(Double.isNaN(ServerHistogram.parse(BEFORE, "oqs_sync_batch_duration_buckets_total", Map.of())
                .quantileMillis(0.5)));
    }
}
