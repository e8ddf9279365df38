package io.northstar.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskGraphTest {

    @Test
    void resultsComeBackInTheOrderAddedWhateverOrderTheyFinishIn() {
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        List<String> results = new TaskGraph<String>("test", 3)
                .add("slow", Set.of(), () -> sleepThen(200, "slow"))
                .add("fast", Set.of(), () -> "fast")
                .add("medium", Set.of(), () -> sleepThen(50, "medium"))
                .run(delivered::add);

        assertThat(results).containsExactly("slow", "fast", "medium");
        assertThat(delivered).containsExactly("slow", "fast", "medium");
    }

    @Test
    void aTaskStartsOnlyAfterEveryTaskItDependsOnFinished() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        new TaskGraph<String>("test", 4)
                .add("a", Set.of(), () -> record(events, "a", 100))
                .add("b", Set.of(), () -> record(events, "b", 30))
                .add("c", Set.of("a", "b"), () -> record(events, "c", 0))
                .add("d", Set.of("c"), () -> record(events, "d", 0))
                .run(result -> { });

        assertThat(events.indexOf("c start")).isGreaterThan(events.indexOf("a end")).isGreaterThan(events.indexOf("b end"));
        assertThat(events.indexOf("d start")).isGreaterThan(events.indexOf("c end"));
    }

    @Test
    void theReadyTaskHeadingTheHeaviestChainStartsFirstAndEqualChainsKeepTheOrderAdded() {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        new TaskGraph<String>("test", 1)
                .add("small", Set.of(), 10, () -> record(started, "small"))
                .add("root", Set.of(), 1, () -> record(started, "root"))
                .add("large", Set.of(), 100, () -> record(started, "large"))
                .add("tie", Set.of(), 10, () -> record(started, "tie"))
                // 1 + 500: the root leads the heaviest chain although it is light itself
                .add("after root", Set.of("root"), 500, () -> record(started, "after root"))
                .run(result -> { });

        assertThat(started).containsExactly("root", "after root", "large", "small", "tie");
    }

    @Test
    void aNegativeWeightIsRefused() {
        assertThatThrownBy(() -> new TaskGraph<String>("test", 1).add("a", Set.of(), -1, () -> "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight of task a");
    }

    @Test
    void independentTasksRunAtTheSameTime() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Boolean> results = new TaskGraph<Boolean>("test", 2)
                .add("a", Set.of(), () -> awaitOther(bothStarted))
                .add("b", Set.of(), () -> awaitOther(bothStarted))
                .run(result -> { });

        assertThat(results).containsExactly(true, true);
    }

    @Test
    void neverMoreTasksRunAtOnceThanTheParallelism() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TaskGraph<Integer> graph = new TaskGraph<>("test", 2);
        for (int i = 0; i < 8; i++) {
            graph.add("t" + i, Set.of(), () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleepThen(20, null);
                running.decrementAndGet();
                return 1;
            });
        }
        graph.run(result -> { });

        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aFailureSkipsItsDependentsLetsRunningTasksFinishAndIsThrownAsItWas() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        IllegalStateException boom = new IllegalStateException("boom");
        TaskGraph<String> graph = new TaskGraph<String>("test", 2)
                .add("fails", Set.of(), () -> {
                    sleepThen(30, null);
                    throw boom;
                })
                .add("independent", Set.of(), () -> record(events, "independent", 150))
                .add("dependent", Set.of("fails"), () -> record(events, "dependent", 0));

        assertThatThrownBy(() -> graph.run(result -> { })).isSameAs(boom);
        assertThat(events).containsExactly("independent start", "independent end");
    }

    @Test
    void theEarliestAddedFailureIsThrownWhenSeveralFail() {
        RuntimeException first = new RuntimeException("first");
        TaskGraph<String> graph = new TaskGraph<String>("test", 2)
                .add("a", Set.of(), () -> {
                    sleepThen(100, null);
                    throw first;
                })
                .add("b", Set.of(), () -> {
                    throw new RuntimeException("second");
                });

        assertThatThrownBy(() -> graph.run(result -> { })).isSameAs(first);
    }

    @Test
    void resultsAreDeliveredOnlyUpToTheFirstFailure() {
        List<String> delivered = new ArrayList<>();
        TaskGraph<String> graph = new TaskGraph<String>("test", 1)
                .add("a", Set.of(), () -> "a")
                .add("b", Set.of(), () -> {
                    throw new RuntimeException("b");
                })
                .add("c", Set.of(), () -> "c");

        assertThatThrownBy(() -> graph.run(delivered::add)).hasMessage("b");
        assertThat(delivered).containsExactly("a");
    }

    @Test
    void aDependencyOnATaskNeverAddedIsRefusedNamingIt() {
        TaskGraph<String> graph = new TaskGraph<String>("test", 1).add("a", Set.of(), () -> "a");

        assertThatThrownBy(() -> graph.add("b", Set.of("a", "absent"), () -> "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task b depends on absent, which is not a task added before it");
        assertThat(graph.run(result -> { })).as("the refused task is not added").containsExactly("a");
    }

    @Test
    void aDependencyOnATaskAddedLaterIsRefused() {
        TaskGraph<String> graph = new TaskGraph<String>("test", 1);

        assertThatThrownBy(() -> graph.add("early", Set.of("late"), () -> "early"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task early depends on late");
    }

    @Test
    void aTaskThatDependsOnItselfIsRefused() {
        assertThatThrownBy(() -> new TaskGraph<String>("test", 1).add("a", Set.of("a"), () -> "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("task a depends on itself");
    }

    @Test
    void nullResultsAndAnEmptyGraphAreFine() {
        assertThat(new TaskGraph<String>("test", 2).add("a", Set.of(), () -> null).run(result -> { }))
                .containsExactly((String) null);
        assertThat(new TaskGraph<String>("test", 2).run(result -> { })).isEmpty();
    }

    @Test
    void aTaskAddedTwiceOrAParallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> new TaskGraph<String>("test", 0)).hasMessageContaining("at least 1");
        TaskGraph<String> graph = new TaskGraph<String>("test", 1).add("a", Set.of(), () -> "a");
        assertThatThrownBy(() -> graph.add("a", Set.of(), () -> "again")).hasMessageContaining("added twice");
    }

    private static String record(List<String> events, String task, long millis) {
        events.add(task + " start");
        sleepThen(millis, null);
        events.add(task + " end");
        return task;
    }

    private static boolean awaitOther(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T sleepThen(long millis, T value) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }

    private static String record(List<String> started, String task) {
        started.add(task);
        return task;
    }
}
