package io.settlehub.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Splits an amount over weights by the largest-remainder method, so the parts add up to the whole exactly. */
public final class Allocation {

    private Allocation() {
    }

    public static List<BigDecimal> largestRemainder(BigDecimal total, String currency, List<BigDecimal> weights) {
        int scale = Currencies.minorUnits(currency);
        BigInteger units = total.movePointRight(scale).toBigIntegerExact();
        BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.isEmpty() || weightSum.signum() == 0) {
            throw new IllegalArgumentException("cannot allocate over zero weights");
        }
        List<BigInteger> parts = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigInteger allocated = BigInteger.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal exact = new BigDecimal(units).multiply(weight).divide(weightSum, 20, RoundingMode.HALF_UP);
            BigInteger floor = exact.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            parts.add(floor);
            remainders.add(exact.subtract(new BigDecimal(floor)));
            allocated = allocated.add(floor);
        }
        int left = units.subtract(allocated).intValueExact();
        List<Integer> order = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < left; k++) {
            int i = order.get(k % order.size());
            parts.set(i, parts.get(i).add(BigInteger.ONE));
        }
        return parts.stream().map(p -> new BigDecimal(p).movePointLeft(scale).setScale(scale, RoundingMode.UNNECESSARY)).toList();
    }
}
