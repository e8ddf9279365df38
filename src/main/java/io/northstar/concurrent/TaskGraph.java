package io.northstar.concurrent;

import static java.util.Objects.requireNonNull;

import io.northstar.error.Unchecked;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs named tasks that depend on each other, several at a time: a task starts once every
 * task it depends on has succeeded. Why: a Spark driver spends much of a small job planning
 * and waiting for tiny tasks, so independent datasets or tables overlap well even on two cores.
 *
 * <p>Among the tasks ready to start, the one heading the heaviest chain of work goes first: a
 * task's own weight (say, the bytes it reads) plus the heaviest chain of tasks waiting on it.
 * Why: on a few cores the largest dataset otherwise starts last and runs alone at the end.
 * Equal chains start in the order added.
 *
 * <p>What callers see stays deterministic: results come back, and are handed to the
 * listener, in the order the tasks were added, whatever order they finish in. After a
 * failure no new task starts; the running ones are waited for, then the failure of the
 * earliest-added failed task is thrown as it was.
 *
 * @param <T> what a task returns
 */
public final class TaskGraph<T> {
    private final String name;
    private final int parallelism;
    private final Map<String, Task<T>> tasks = new LinkedHashMap<>();

    private record Task<T>(Set<String> dependsOn, long weight, Supplier<T> work) {
    }

    /**
     * @param name names the worker threads, as {@code <name>-1}, ...
     * @param parallelism how many tasks may run at once, at least 1
     */
    public TaskGraph(String name, int parallelism) {
        this.name = requireNonNull(name, "name is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Adds a task. Each dependency must name a task added before this one: a dependency on an
     * unknown task, or on the task itself, is refused, so that no dependency is lost unseen. A
     * caller whose dependencies may legitimately be absent (a dataset the job does not have)
     * leaves those out itself.
     *
     * @throws IllegalArgumentException naming the task and the unknown dependency
     */
    public TaskGraph<T> add(String task, Set<String> dependsOn, Supplier<T> work) {
        return add(task, dependsOn, 0, work);
    }

    /**
     * Adds a task with a weight, any non-negative measure of its work in one unit across the
     * graph; see the class comment for how weights order the start.
     */
    public TaskGraph<T> add(String task, Set<String> dependsOn, long weight, Supplier<T> work) {
        requireNonNull(task, "task is null");
        if (weight < 0) {
            throw new IllegalArgumentException("weight of task " + task + " must not be negative, was " + weight);
        }
        requireNonNull(dependsOn, "dependsOn is null");
        requireNonNull(work, "work is null");
        if (tasks.containsKey(task)) {
            throw new IllegalArgumentException("task " + task + " added twice");
        }
        for (String dependency : dependsOn) {
            if (dependency.equals(task)) {
                throw new IllegalArgumentException("task " + task + " depends on itself");
            }
            if (!tasks.containsKey(dependency)) {
                throw new IllegalArgumentException("task " + task + " depends on " + dependency
                        + ", which is not a task added before it");
            }
        }
        tasks.put(task, new Task<>(Set.copyOf(dependsOn), weight, work));
        return this;
    }

    /** Runs every task; returns their results in the order added. */
    public List<T> run(Consumer<? super T> inOrder) {
        requireNonNull(inOrder, "inOrder is null");
        List<String> order = new ArrayList<>(tasks.keySet());
        Map<String, Long> chains = chainWeights(order);
        List<String> pending = new ArrayList<>(order);
        // stable: equal chains keep the order added
        pending.sort(java.util.Comparator.comparing(chains::get).reversed());
        Map<String, T> results = new HashMap<>();
        Map<String, Throwable> failures = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, order.size())),
                threads());
        CompletionService<Outcome<T>> completion = new ExecutorCompletionService<>(pool);
        int running = 0;
        int delivered = 0;
        try {
            while (true) {
                for (var it = pending.iterator(); failures.isEmpty() && running < parallelism && it.hasNext();) {
                    String next = it.next();
                    if (results.keySet().containsAll(tasks.get(next).dependsOn())) {
                        it.remove();
                        running++;
                        Supplier<T> work = tasks.get(next).work();
                        completion.submit(() -> Outcome.of(next, work));
                    }
                }
                if (running == 0) {
                    break;
                }
                Outcome<T> finished = take(completion);
                running--;
                if (finished.failure() != null) {
                    failures.put(finished.task(), finished.failure());
                } else {
                    results.put(finished.task(), finished.result());
                }
                while (delivered < order.size() && results.containsKey(order.get(delivered))) {
                    inOrder.accept(results.get(order.get(delivered)));
                    delivered++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (String task : order) {
            Throwable failure = failures.get(task);
            if (failure != null) {
                throw Unchecked.rethrow(failure);
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("tasks " + pending + " wait for each other");
        }
        return order.stream().map(results::get).toList();
    }

    /**
     * Each task's weight plus the heaviest chain of tasks depending on it. A dependency is
     * always added before its dependents, so one pass from the last task back suffices.
     */
    private Map<String, Long> chainWeights(List<String> order) {
        Map<String, Long> chains = new HashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            String task = order.get(i);
            long heaviestDependent = 0;
            for (int j = i + 1; j < order.size(); j++) {
                String later = order.get(j);
                if (tasks.get(later).dependsOn().contains(task)) {
                    heaviestDependent = Math.max(heaviestDependent, chains.get(later));
                }
            }
            chains.put(task, tasks.get(task).weight() + heaviestDependent);
        }
        return chains;
    }

    /** What one task ended with: its result, or what it threw. */
    private record Outcome<T>(String task, T result, Throwable failure) {
        static <T> Outcome<T> of(String task, Supplier<T> work) {
            try {
                return new Outcome<>(task, work.get(), null);
            } catch (Throwable e) { // Spark's checked exceptions too, undeclared
                return new Outcome<>(task, null, e);
            }
        }
    }

    private static <T> Outcome<T> take(CompletionService<Outcome<T>> completion) {
        try {
            return completion.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for tasks", e);
        } catch (ExecutionException e) {
            // Outcome.of catches everything a task throws
            throw new IllegalStateException(e.getCause());
        }
    }

    private ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
