from revq.cli.app import main

main()
