from esitlik.cli import main

main()
