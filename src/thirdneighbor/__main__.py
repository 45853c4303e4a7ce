from thirdneighbor.cli import main

main()
