from putright.cli import main

main()
