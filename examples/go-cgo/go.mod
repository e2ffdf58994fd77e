module example.com/cgoapp

go 1.19
