# accelgen XDC source: Xilinx Alveo U280 (xcu280-fsvh2892-2L-e, board part xilinx.com:au280:part0:1.1)
# Pins and I/O standards: XilinxBoardStore boards/Xilinx/au280/production/1.1/part0_pins.xml;
# HBM_CATTRIP: AR 72926 and Xilinx/open-nic-shell constr/au280/pins.xdc.
# Only custom (non-Vitis) shells use these: a Vitis kernel gets its clocks and resets from the platform.
# accelgen copies a "## group: <board pin>" block into a design's XDC only when the design uses that pin,
# and always adds HBM_CATTRIP to a custom shell's XDC.

## group: sysclk0
set_property -dict {PACKAGE_PIN BJ43 IOSTANDARD LVDS DQS_BIAS TRUE} [get_ports {sysclk0_clk_p}]
set_property -dict {PACKAGE_PIN BJ44 IOSTANDARD LVDS DQS_BIAS TRUE} [get_ports {sysclk0_clk_n}]
create_clock -period 10.000 -name sysclk0 [get_ports {sysclk0_clk_p}]

## group: sysclk1
set_property -dict {PACKAGE_PIN BH6 IOSTANDARD LVDS DQS_BIAS TRUE} [get_ports {sysclk1_clk_p}]
set_property -dict {PACKAGE_PIN BJ6 IOSTANDARD LVDS DQS_BIAS TRUE} [get_ports {sysclk1_clk_n}]
create_clock -period 10.000 -name sysclk1 [get_ports {sysclk1_clk_p}]

## group: sysclk3
set_property -dict {PACKAGE_PIN G31 IOSTANDARD LVDS DQS_BIAS TRUE} [get_ports {sysclk3_clk_p}]
set_property -dict {PACKAGE_PIN F31 IOSTANDARD LVDS DQS_BIAS TRUE} [get_ports {sysclk3_clk_n}]
create_clock -period 10.000 -name sysclk3 [get_ports {sysclk3_clk_p}]

## group: CPU_RESET
# Active low.
set_property -dict {PACKAGE_PIN L30 IOSTANDARD LVCMOS18} [get_ports {cpu_reset_n}]
set_false_path -from [get_ports {cpu_reset_n}]

## group: HBM_CATTRIP
# Must be driven low (or from the HBM catastrophic-temperature flags): left floating, the card's satellite
# controller can read it as an HBM over-temperature and power the card down (AR 72926).
set_property -dict {PACKAGE_PIN D32 IOSTANDARD LVCMOS18} [get_ports {hbm_cattrip}]
set_property PULLDOWN TRUE [get_ports {hbm_cattrip}]
set_false_path -to [get_ports {hbm_cattrip}]
