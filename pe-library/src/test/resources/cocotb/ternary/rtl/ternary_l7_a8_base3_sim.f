LUT6_2.v
CARRY4.v
ternary_l7_a8_base3.v
