# accelgen XDC source: Xilinx ZCU104 (xczu7ev-ffvc1156-2-e, board part xilinx.com:zcu104:part0:1.1)
# Pins and I/O standards: XilinxBoardStore boards/Xilinx/zcu104/1.1/part0_pins.xml;
# CLK_125 bank and period: public ZCU104 master XDC.
# accelgen copies a "## group: <board pin>" block into a design's XDC only when the design uses that pin.
# The accelerator itself runs on the processing system's pl_clk0, which needs no pin constraint.

## group: CLK_300
# SI570 user clock, 300 MHz after power-up (the SI570 is programmable).
set_property -dict {PACKAGE_PIN AH18 IOSTANDARD DIFF_SSTL12} [get_ports {clk_300_p}]
set_property -dict {PACKAGE_PIN AH17 IOSTANDARD DIFF_SSTL12} [get_ports {clk_300_n}]
create_clock -period 3.333 -name clk_300 [get_ports {clk_300_p}]

## group: CLK_125
set_property -dict {PACKAGE_PIN F23 IOSTANDARD LVDS} [get_ports {clk_125_p}]
set_property -dict {PACKAGE_PIN E23 IOSTANDARD LVDS} [get_ports {clk_125_n}]
create_clock -period 8.000 -name clk_125 [get_ports {clk_125_p}]

## group: CPU_RESET
# Push button, active high.
set_property -dict {PACKAGE_PIN M11 IOSTANDARD LVCMOS33} [get_ports {cpu_reset}]
set_false_path -from [get_ports {cpu_reset}]

## group: GPIO_LED_0
set_property -dict {PACKAGE_PIN D5 IOSTANDARD LVCMOS33} [get_ports {led[0]}]
set_false_path -to [get_ports {led[0]}]

## group: GPIO_LED_1
set_property -dict {PACKAGE_PIN D6 IOSTANDARD LVCMOS33} [get_ports {led[1]}]
set_false_path -to [get_ports {led[1]}]

## group: GPIO_LED_2
set_property -dict {PACKAGE_PIN A5 IOSTANDARD LVCMOS33} [get_ports {led[2]}]
set_false_path -to [get_ports {led[2]}]

## group: GPIO_LED_3
set_property -dict {PACKAGE_PIN B5 IOSTANDARD LVCMOS33} [get_ports {led[3]}]
set_false_path -to [get_ports {led[3]}]

## group: GPIO_PB_SW0
set_property -dict {PACKAGE_PIN B4 IOSTANDARD LVCMOS33} [get_ports {btn[0]}]

## group: GPIO_PB_SW1
set_property -dict {PACKAGE_PIN C4 IOSTANDARD LVCMOS33} [get_ports {btn[1]}]

## group: GPIO_PB_SW2
set_property -dict {PACKAGE_PIN B3 IOSTANDARD LVCMOS33} [get_ports {btn[2]}]

## group: GPIO_PB_SW3
set_property -dict {PACKAGE_PIN C3 IOSTANDARD LVCMOS33} [get_ports {btn[3]}]
