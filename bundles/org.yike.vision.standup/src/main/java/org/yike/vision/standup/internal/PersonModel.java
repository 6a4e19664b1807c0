package org.yike.vision.standup.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A network the school provides, in ONNX, that marks standing people in a grey picture. Its contract:
 * one input, the grey picture as a float blob [1,1,H,W] scaled to 0..1, at the detector's working
 * size; one output, a map [1,1,h,w] (any h, w) of scores 0..1 that a standing person covers that
 * place. Where the map, stretched to the picture, scores over one half is someone standing. Needs
 * OpenCV's dnn module (the fragment org.yike.lib.opencv.dnn). Not thread-safe.
 */
final class PersonModel implements AutoCloseable {

    private static final double STANDING = 0.5;

    private final Net net;
    private final Mat map = new Mat();

    private PersonModel(Net net) {
        this.net = net;
    }

    /**
     * The model in {@code file}, tried once on a blank picture of {@code width} x {@code height};
     * an IllegalArgumentException that says what is wrong when it cannot be used.
     */
    static PersonModel load(Path file, int width, int height) {
        if (!Files.isReadable(file)) throw new IllegalArgumentException("no readable model file " + file);
        Net net;
        try {
            net = readNetFromONNX(file.toString());
        } catch (NoClassDefFoundError e) {
            throw new IllegalArgumentException("OpenCV's dnn module is not installed (org.yike.lib.opencv.dnn)", e);
        } catch (RuntimeException e) { // OpenCV's own exception: a file that is not an ONNX model it can run
            throw new IllegalArgumentException("model " + file + " does not load: " + e.getMessage(), e);
        }
        PersonModel model = new PersonModel(net);
        try (Mat blank = new Mat(height, width, CV_8UC1, new Scalar(0)); Mat mask = new Mat()) {
            model.standing(blank, mask);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("model " + file + " does not fit the contract (grey [1,1,H,W] in, scores [1,1,h,w] out): "
                    + e.getMessage(), e);
        }
    }

    /** Fills {@code mask} (8 bits, the size of {@code grey}) with 255 where someone stands, 0 elsewhere. */
    void standing(Mat grey, Mat mask) {
        try (Size size = new Size(grey.cols(), grey.rows()); Scalar zero = new Scalar(0.0);
                Mat blob = blobFromImage(grey, 1 / 255.0, size, zero, false, false, CV_32F)) {
            net.setInput(blob);
            try (Mat out = net.forward()) {
                if (out.dims() != 4 || out.size(0) != 1 || out.size(1) != 1) {
                    throw new IllegalStateException("the model's output is not one score map [1,1,h,w]");
                }
                try (Mat scores = new Mat(out.size(2), out.size(3), CV_32F, out.ptr())) {
                    resize(scores, map, size, 0, 0, INTER_LINEAR);
                }
            }
        }
        threshold(map, map, STANDING, 255, THRESH_BINARY);
        map.convertTo(mask, CV_8U);
    }

    @Override
    public void close() {
        map.close();
        net.close();
    }
}
