module Main (main) where

import System.Environment (getArgs)
import System.Exit (exitFailure)
import Text.Read (readMaybe)

-- n! as an arbitrary-precision Integer: past 20! it no longer fits in 64 bits, so the executable
-- needs GHC's bignum backend (libgmp) when it runs.
factorial :: Integer -> Integer
factorial n = product [1 .. n]

main :: IO ()
main = do
  args <- getArgs
  case mapM readMaybe args of
    Just ns@(_ : _) -> mapM_ (\n -> putStrLn (show n ++ "! = " ++ show (factorial n))) ns
    _ -> do
      putStrLn "usage: factorials N..."
      exitFailure
