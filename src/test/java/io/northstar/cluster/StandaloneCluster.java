package io.northstar.cluster;

import io.northstar.testing.TestingCli;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on this machine: a Master and a Worker, each a JVM process of
 * its own bound to 127.0.0.1, run from the Spark jars Maven resolved (linked into a Spark home's
 * {@code jars/}, which is where a Worker builds its executors' classpath from). Closing it stops
 * both processes and the executors the Worker started, by their PIDs.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path sparkHome;
    private final List<Process> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stop, "stop-standalone-cluster");
    private int masterPort;
    private int masterWebPort;

    private StandaloneCluster(Path sparkHome) {
        this.sparkHome = sparkHome;
    }

    /** Starts a Master and one Worker with the given cores and memory; waits until the Worker has registered. */
    static StandaloneCluster start(Path folder, List<Path> sparkJars, int cores, String memory)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(folder.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path jar : sparkJars) {
            Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
        }
        Files.createDirectories(home.resolve("conf"));
        StandaloneCluster cluster = new StandaloneCluster(home);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.masterPort = freePort();
            cluster.masterWebPort = freePort();
            cluster.launch(folder.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(cluster.masterPort), "--webui-port",
                    Integer.toString(cluster.masterWebPort));
            cluster.awaitMaster("\"status\" : \"ALIVE\"");
            cluster.launch(folder.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", Integer.toString(cores), "--memory", memory, "--webui-port",
                    Integer.toString(freePort()), "--work-dir", Files.createDirectories(folder.resolve("work"))
                            .toString(), cluster.masterUrl());
            cluster.awaitMaster("\"aliveworkers\" : 1");
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    Path sparkHome() {
        return sparkHome;
    }

    /** The java command with the cluster's classpath, for a process that talks to it (spark-submit). */
    List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(TestingCli.java("-Xmx1g"));
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The environment every process of the cluster runs with. */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_CONF_DIR", sparkHome.resolve("conf").toString(), "SPARK_LOCAL_IP", "127.0.0.1");
    }

    private void launch(Path log, String mainClass, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java(mainClass, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        processes.add(builder.start());
    }

    /** Polls the Master's JSON status page until it holds the text. */
    private void awaitMaster(String text) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a cluster process exited with " + process.exitValue()
                            + " (see master.log and worker.log)");
                }
            }
            try {
                last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (last.replaceAll("\\s+", " ").contains(text)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the cluster did not show " + text + " within " + START_TIMEOUT + ": " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the Worker's executors, the Worker and the Master, by PID, and waits for them. */
    /**
     * Stops every cluster process and waits until each has exited, the executors the Worker
     * started included: those are not this JVM's children, and a busy machine can take a while
     * to end them after their Worker has gone.
     */
    private synchronized void stop() {
        List<ProcessHandle> all = handles();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).destroy();
        }
        for (ProcessHandle process : all) {
            if (!exited(process, 20)) {
                process.destroyForcibly();
                exited(process, 20);
            }
        }
        processes.clear();
    }

    private static boolean exited(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** PIDs of the running cluster processes and their children, for the test to check they end. */
    List<ProcessHandle> handles() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (Process process : processes) {
            handles.add(process.toHandle());
            process.descendants().forEach(handles::add);
        }
        return handles;
    }

    @Override
    public void close() {
        stop();
        // the links point into the Maven repository: remove them, never what they point to
        try (var links = Files.list(sparkHome.resolve("jars"))) {
            for (Path link : links.toList()) {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            // a leftover link in a temp folder harms nothing
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs stop() anyway
        }
    }
}
