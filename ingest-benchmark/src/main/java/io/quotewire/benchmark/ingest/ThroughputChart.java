package io.quotewire.benchmark.ingest;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The run over time as a PNG: accepted and finished articles a second above, the outbox's depth below. */
final class ThroughputChart {

    private ThroughputChart() {
    }

    static void write(List<Timeline.Sample> samples, String title, Path png) throws IOException {
        XYSeries accepted = new XYSeries("accepted (202) / s");
        XYSeries finished = new XYSeries("finished (indexed, queryable) / s");
        XYSeries waiting = new XYSeries("waiting in the outbox (RECEIVED + EXTRACTED)");
        for (int i = 1; i < samples.size(); i++) {
            Timeline.Sample a = samples.get(i - 1);
            Timeline.Sample b = samples.get(i);
            double dt = b.seconds() - a.seconds();
            if (dt <= 0) {
                continue;
            }
            accepted.add(b.seconds(), (b.accepted() - a.accepted()) / dt);
            finished.add(b.seconds(), (b.indexed() - a.indexed()) / dt);
            waiting.add(b.seconds(), b.waiting());
        }
        XYSeriesCollection rates = new XYSeriesCollection();
        rates.addSeries(accepted);
        rates.addSeries(finished);
        XYPlot top = new XYPlot(rates, null, new NumberAxis("articles / s"), renderer(new Color(0x1f77b4), new Color(0xd62728)));
        XYPlot bottom = new XYPlot(new XYSeriesCollection(waiting), null, new NumberAxis("documents waiting"),
                renderer(new Color(0x2ca02c)));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the first POST"));
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        top.setBackgroundPaint(Color.WHITE);
        bottom.setBackgroundPaint(Color.WHITE);
        top.setRangeGridlinePaint(Color.LIGHT_GRAY);
        bottom.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 520);
    }

    private static XYLineAndShapeRenderer renderer(Color... colors) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colors.length; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        return r;
    }
}
