package io.northstar.run;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Feeds Spark's task counts to the progress display (a task is one partition of one Spark stage). */
final class TaskProgressListener extends SparkListener {
    private final Progress progress;

    TaskProgressListener(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        progress.tasksStarted(submitted.stageInfo().numTasks());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd ended) {
        progress.taskDone();
    }
}
